package io.hybridllm.core.privacy.internal;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Word lists compiled by hand for this project (no third-party list was copied): common given names from many
 * languages, countries, US states, large cities, street and unit words, honorifics, and capitalized English words
 * that are not names. Entries are lower case.
 */
final class Gazetteers {
    private Gazetteers() {}

    static final Set<String> GIVEN_NAMES = set(
            // English
            "james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark "
                    + "donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan "
                    + "jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander "
                    + "frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle "
                    + "noah ethan jeremy walter christian keith roger terry austin sean gerald carl harold dylan arthur "
                    + "lawrence jordan jesse bryan billy bruce gabriel joe logan alan juan albert willie elijah wayne randy "
                    + "vincent mason roy ralph bobby russell bradley philip eugene liam oliver lucas owen caleb luke isaac "
                    + "mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty sandra "
                    + "margaret ashley kimberly emily donna michelle carol amanda melissa deborah stephanie dorothy rebecca "
                    + "sharon laura cynthia amy kathleen angela shirley brenda emma anna pamela nicole samantha katherine "
                    + "christine helen debra rachel carolyn janet maria catherine heather diane olivia julie joyce victoria "
                    + "ruth virginia lauren kelly christina joan evelyn judith andrea hannah megan cheryl jacqueline martha "
                    + "madison teresa gloria sara janice ann kathryn abigail sophia frances jean alice judy isabella julia "
                    + "grace amber denise danielle marilyn beverly charlotte natalie theresa diana brittany doris kayla "
                    + "alexis lori marie ava mia chloe zoe ella lily layla natasha kristen erin crystal tiffany vanessa "
                    // Spanish, Portuguese, Italian
                    + "carlos luis miguel jorge pedro antonio manuel francisco javier alejandro diego pablo sergio fernando "
                    + "ricardo andres rafael eduardo raul alberto enrique ramon hector oscar rodrigo joao paulo marcos "
                    + "thiago gustavo felipe bruno leonardo matteo giuseppe giovanni marco luca alessandro andrea francesco "
                    + "lorenzo stefano roberto massimo fabio carmen lucia sofia valentina camila isabel rosa ana beatriz "
                    + "fernanda gabriela mariana daniela paula adriana patricia elena laura giulia chiara francesca "
                    // German, Dutch, Nordic
                    + "hans klaus jurgen wolfgang stefan uwe frank dieter helmut werner gunter karl heinz jan lars sven "
                    + "nils anders johan mikael henrik magnus olaf bjorn erik fredrik kristian jens soren morten mads "
                    + "pieter willem joost bram sanne anke ingrid birgit ursula petra sabine monika heike karin greta "
                    + "astrid freya sigrid linnea elin maja ida ebba saga wilma hanna johanna katarina kristina annika "
                    + "halldor gudrun sigurdur jon olafur einar helga katrin tiina mikko juha jukka timo pekka antti "
                    + "ville matti aino eero veera emilia aleksi hanne mette kirsten",
            // French, Slavic, Hungarian, Baltic
            "jean pierre michel philippe alain nicolas christophe francois laurent julien sebastien olivier "
                    + "antoine mathieu thierry pascal guillaume marie nathalie isabelle sylvie catherine sophie valerie "
                    + "celine aurelie camille chloe manon ivan dmitri sergei alexei andrei nikolai vladimir mikhail "
                    + "pavel yuri oleg igor anton boris maxim artem olga tatiana natalia irina svetlana ekaterina "
                    + "anastasia yulia marina elena ludmila galina piotr tomasz krzysztof pawel marcin michal jakub "
                    + "katarzyna agnieszka malgorzata magdalena joanna ewa zofia jiri petr josef tomas martin lukas "
                    + "jana eva hana lenka jarmila bernard laszlo istvan zoltan gabor attila tamas peter krisztian "
                    + "szabina zsofia eszter katalin reka agnes judit eva janos ferenc imre miklos dragan milan "
                    + "marko nikola stefan dusan ana ivana jelena marija andrius tomas jonas vytautas ieva inga "
                    + "liga janis karlis",
            // South Asian, East Asian, Middle Eastern, African
            "raj rahul amit vijay sanjay ravi arjun rohan vikram suresh ramesh anil sunil deepak ajay manoj "
                    + "priya pooja anjali neha divya kavya lakshmi sunita anita meera aarav vivaan aditya ishaan "
                    + "wei li ming jun hui yan lei jing fang xin hao yu chen hiroshi takashi kenji yuki haruto sota "
                    + "yui sakura hana aiko minho jisoo seojun jiwoo mohammed muhammad ahmed ali omar hassan hussein "
                    + "ibrahim yusuf khalid mustafa karim tariq fatima aisha layla zainab mariam noor yasmin leila "
                    + "amina reza mehdi ahmad dawit kwame kofi ama chinedu ngozi emeka oluwaseun tunde amara zuri "
                    + "abebe tendai thabo sipho lerato naledi");

    static final Set<String> HONORIFICS = set("mr mrs ms miss mx dr prof sir madam madame dame lord lady herr frau "
            + "mme mlle sr sra srta sig sen rev fr capt col gen lt sgt");

    static final Set<String> COUNTRIES = set("afghanistan albania algeria andorra angola argentina armenia australia "
            + "austria azerbaijan bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia "
            + "botswana brazil brunei bulgaria burundi cambodia cameroon canada chad chile china colombia comoros congo "
            + "croatia cuba cyprus czechia denmark djibouti dominica ecuador egypt eritrea estonia eswatini ethiopia fiji "
            + "finland france gabon gambia georgia germany ghana greece greenland grenada guatemala guinea guyana haiti "
            + "honduras hungary iceland india indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan "
            + "kenya kiribati kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein lithuania "
            + "luxembourg madagascar malawi malaysia maldives mali malta mauritania mauritius mexico micronesia moldova "
            + "monaco mongolia montenegro morocco mozambique myanmar namibia nauru nepal netherlands nicaragua niger "
            + "nigeria norway oman pakistan palau palestine panama paraguay peru philippines poland portugal qatar "
            + "romania russia rwanda samoa senegal serbia seychelles singapore slovakia slovenia somalia spain sudan "
            + "suriname sweden switzerland syria taiwan tajikistan tanzania thailand togo tonga tunisia turkey "
            + "turkmenistan tuvalu uganda ukraine uruguay uzbekistan vanuatu venezuela vietnam yemen zambia zimbabwe "
            + "england scotland wales usa uk");

    static final Set<String> MULTI_WORD_PLACES = set(
            "united states|united kingdom|new zealand|south africa|south korea|"
                    + "north korea|saudi arabia|sri lanka|costa rica|el salvador|puerto rico|new york|los angeles|san francisco|"
                    + "san diego|las vegas|new orleans|hong kong|buenos aires|rio de janeiro|sao paulo|mexico city|tel aviv|"
                    + "new jersey|new mexico|north carolina|south carolina|north dakota|south dakota|west virginia|rhode island|"
                    + "new hampshire|czech republic|dominican republic|united arab emirates|ivory coast|cape town|kuala lumpur");

    /** The first word of each multi-word place. */
    static final Set<String> MULTI_WORD_FIRST_WORDS = firstWords(MULTI_WORD_PLACES);

    static final Set<String> STATES_AND_CITIES = set("alabama alaska arizona arkansas california colorado connecticut "
            + "delaware florida hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland "
            + "massachusetts michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon "
            + "pennsylvania tennessee texas utah vermont washington wisconsin wyoming london paris berlin madrid rome "
            + "vienna prague budapest warsaw moscow kyiv kiev istanbul athens lisbon dublin amsterdam brussels copenhagen "
            + "stockholm oslo helsinki reykjavik zurich geneva munich hamburg frankfurt cologne milan naples barcelona "
            + "valencia seville porto lyon marseille toulouse nice bordeaux manchester birmingham liverpool glasgow "
            + "edinburgh leeds bristol toronto montreal vancouver ottawa calgary chicago boston seattle houston dallas "
            + "austin denver atlanta miami phoenix philadelphia detroit portland baltimore tokyo osaka kyoto seoul busan "
            + "beijing shanghai shenzhen guangzhou taipei bangkok hanoi jakarta manila mumbai delhi bangalore chennai "
            + "kolkata hyderabad karachi lahore dhaka dubai doha riyadh cairo lagos nairobi johannesburg sydney "
            + "melbourne brisbane perth auckland wellington lima bogota santiago caracas havana quito montevideo");

    /** Words after a number that make it a street address. */
    static final Set<String> STREET_WORDS = set("street st avenue ave road rd boulevard blvd lane ln drive dr court ct "
            + "place pl square sq terrace way parkway pkwy highway hwy circle cir crescent close alley trail plaza "
            + "straße strasse str gasse weg platz allee rue chemin via viale piazza calle avenida rua carrer vej gade "
            + "gata gatan vagen väg katu tie kuja polku ulica utca");

    static final Set<String> UNIT_WORDS = set("apt apartment suite ste unit box po floor fl room rm");

    /** Capitalized words that are not names: function words, pronouns, days, months, common nouns of templates. */
    static final Set<String> NOT_NAMES = set("the a an and or but if then so as at by for from in into of on onto to "
            + "with without about above after against along among around before behind below beneath beside between "
            + "beyond during except inside near off out outside over past since through throughout till toward under "
            + "until up upon within i you he she it we they me him her us them my your his its our their mine yours "
            + "this that these those who whom whose which what when where why how all any both each few more most other "
            + "some such no nor not only own same than too very can will just should now is are was were be been being "
            + "have has had do does did could would may might must shall here there hi hello hey dear thanks thank "
            + "please yes ok okay sure well oh also however meanwhile today tomorrow yesterday monday tuesday wednesday "
            + "thursday friday saturday sunday january february march april may june july august september october "
            + "november december mr mrs ms dr prof sir madam street avenue road apt suite box po phone email e-mail "
            + "address name title company inc llc ltd corp university college school hospital bank department "
            + "orchestra band club team group foundation institute center centre church museum library park "
            + "airport station hotel restaurant cafe store shop market mall north south east west new old great "
            + "saint st san santa los las el la le de der die das van von du des del della di da do dos der "
            + "date time when where who mobile desk fax office tel cell home work user bot invalid broadcast first second "
            + "third last next previous plates plate version southern northern eastern western central upper lower greater "
            + "god jesus christ allah bible christmas easter internet "
            + "english spanish french german italian chinese japanese american british european african asian "
            + "account card credit debit balance payment transaction order number id ssn passport license licence "
            + "meeting project report invoice customer client service support admin user manager director "
            + "accountant engineer doctor nurse teacher lawyer officer president ceo cto cfo vp personal info website "
            + "answer question note subject re fw fwd attention attn regards sincerely best cheers warm kind love "
            + "rock roll pop song album movie book story news times post "
            + "after before every let let's lets can't don't won't i'm i'll i've i'd we're they're you're it's "
            + "could would should will shall might must need want like love hate know think see look meet follow "
            + "call send tell ask give take make get go come find keep let put set show try turn use work write read "
            + "remember capital city state country county province "
            + "region district ave blvd rd ln dr ct pl"
            // Capitalized technology names that open many coding prompts ("Write a Python function").
            + " python java javascript typescript kotlin scala golang haskell perl php fortran cobol matlab sql mysql"
            + " postgresql postgres sqlite mongodb redis kafka spark hadoop docker kubernetes linux ubuntu debian"
            + " windows macos ios android react angular vue django flask spring node npm git github gitlab bitbucket"
            + " aws azure gcp excel powerpoint chatgpt openai gpt html css json xml yaml csv api http https unix bash"
            + " terraform ansible jenkins graphql numpy pandas pytorch tensorflow jupyter");

    static final Set<String> ORG_WORDS = set("inc llc ltd corp corporation company co group plc gmbh ag sa srl bv "
            + "university college school institute foundation association society orchestra band club team bank "
            + "hospital clinic church agency council committee ministry department office partners holdings "
            + "technologies solutions systems services labs studio studios media records entertainment weekly");

    private static Set<String> firstWords(Set<String> phrases) {
        Set<String> s = new HashSet<>();
        for (String p : phrases) {
            int space = p.indexOf(' ');
            s.add(space < 0 ? p : p.substring(0, space));
        }
        return Set.copyOf(s);
    }

    private static Set<String> set(String... chunks) {
        Set<String> s = new HashSet<>();
        for (String chunk : chunks) {
            for (String w : chunk.split(chunk.indexOf('|') >= 0 ? "\\|" : " ")) {
                String t = w.strip().toLowerCase(Locale.ROOT);
                if (!t.isEmpty()) {
                    s.add(t);
                }
            }
        }
        return Set.copyOf(s);
    }
}
