package io.hybridllm.core.privacy.internal;

import io.hybridllm.core.privacy.PatternRecognizer;
import io.hybridllm.core.privacy.PiiClass;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Structured identifiers: cards, bank and national ids, network addresses. Every pattern starts with a negative
 * look-behind on its own character class and has only bounded quantifiers, so a match attempt starts only at a
 * token boundary and costs a bounded number of steps: scanning stays linear on hostile input.
 */
final class IdentifierRecognizers {
    private IdentifierRecognizers() {}

    /** Left and right boundaries for tokens made of letters and digits. */
    static final String L = "(?<![A-Za-z0-9])";

    static final String R = "(?![A-Za-z0-9])";
    /** Boundaries for numbers: no digit (or digit group) may continue them. */
    static final String LD = "(?<![\\w-]|\\d[.,])";

    static final String RD = "(?![\\w-]|[.,]\\d)";
    /**
     * Start of a number written in groups: not after a '+' (a phone's country code) and not right after another
     * group of digits (then it is the tail of a longer number, an IBAN or a phone).
     */
    static final String LG = LD + "(?<![+]|\\d[A-Za-z0-9]{0,3}[ -])";

    static final class Spec {
        final PatternRecognizer.Builder b;
        int minDigits;
        int span = 700;
        List<String> anyOf = List.of();

        final boolean digitStart;

        Spec(String name, String type, PiiClass cls, String regex) {
            b = PatternRecognizer.builder(name, type, cls).pattern(Pattern.compile(regex));
            String rest = afterLookbehinds(regex);
            // A pattern that needs a non-digit before it and starts with a digit can only match at the start of a
            // digit run: one anchored attempt per run instead of one per position.
            boolean noDigitBefore =
                    rest.length() < regex.length() && (regex.startsWith(LD) || regex.startsWith("(?<=[A-Za-z])"));
            digitStart = noDigitBefore && (rest.startsWith("\\d") || rest.matches("(?s)(?:\\[\\d|\\d|\\(\\?:\\d).*"));
        }

        Spec score(double s, double ctx) {
            b.score(s).contextScore(ctx);
            return this;
        }

        Spec ctx(String... words) {
            b.contextWords(words);
            return this;
        }

        Spec required() {
            b.contextRequired(true);
            return this;
        }

        Spec valid(Predicate<String> v) {
            b.validator(v);
            return this;
        }

        Spec digits(int n) {
            minDigits = n;
            return this;
        }

        Spec hint(String h) {
            b.hint(h);
            return this;
        }

        /** Runs the pattern only if one of these lower-case words occurs in the text. */
        Spec anyOf(String... words) {
            anyOf = List.of(words);
            return this;
        }

        PatternRunner.Anchor anchor;

        /** Match attempts only where {@code a} says one may start (one anchored attempt each). */
        Spec anchor(PatternRunner.Anchor a) {
            anchor = a;
            return this;
        }

        Spec span(int n) {
            span = n;
            return this;
        }

        Spec group(int g) {
            b.group(g);
            return this;
        }

        Recognizer build() {
            return new PatternRunner(b.build(), minDigits, span, anyOf, digitStart).anchoredAt(anchor);
        }
    }

    /** {@code regex} without its leading look-behind groups. */
    static String afterLookbehinds(String regex) {
        int i = 0;
        while (regex.startsWith("(?<=", i) || regex.startsWith("(?<!", i)) {
            int depth = 0;
            boolean inClass = false;
            int j = i;
            for (; j < regex.length(); j++) {
                char c = regex.charAt(j);
                if (c == '\\') {
                    j++;
                } else if (inClass) {
                    inClass = c != ']';
                } else if (c == '[') {
                    inClass = true;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    break;
                }
            }
            i = j + 1;
        }
        return regex.substring(Math.min(i, regex.length()));
    }

    static Spec spec(String name, String type, PiiClass cls, String regex) {
        return new Spec(name, type, cls, regex);
    }

    static List<Recognizer> all() {
        List<Recognizer> r = new ArrayList<>();
        PiiClass fin = PiiClass.FINANCIAL;
        PiiClass gov = PiiClass.GOV_ID;
        PiiClass health = PiiClass.HEALTH;
        // Cards: 12-19 digits in groups separated by single spaces or dashes; Luhn and issuer prefix.
        r.add(spec("card-luhn", "CREDIT_CARD", fin, LG + "[1-6]\\d{3}(?:[ -]?\\d){8,15}" + RD)
                .valid(Checksums::creditCard)
                .score(0.85, 1.0)
                .ctx("card", "credit", "visa", "mastercard", "amex", "debit", "payment", "cc")
                .digits(12)
                .build());
        r.add(new IbanRecognizer());
        // Routing numbers: the checksum and the Federal Reserve prefix ranges leave about one 9-digit number in 30;
        // written 4-4-1 they are unmistakable, bare they still beat a checksum-less SSN guess.
        String[] routingWords = {"routing", "aba", "rtn", "transit", "bank", "wire"};
        r.add(spec("aba-routing-grouped", "ABA_ROUTING_NUMBER", fin, LD + "[0-8]\\d{3}-\\d{4}-\\d" + RD)
                .valid(Checksums::abaRouting)
                .score(0.8, 1.0)
                .ctx(routingWords)
                .digits(9)
                .build());
        r.add(spec("aba-routing", "ABA_ROUTING_NUMBER", fin, LD + "[0-8]\\d{8}" + RD)
                .valid(v -> Checksums.abaRouting(v) && !Checksums.sequentialRun(v, 7))
                .score(0.72, 1.0)
                .ctx(routingWords)
                .digits(9)
                .build());
        r.add(spec("us-bank-account", "US_BANK_NUMBER", fin, LD + "\\d{8,17}" + RD)
                .score(0.5, 0.75)
                .ctx("bank account", "account number", "acct", "checking", "savings", "account no", "account #")
                .required()
                .digits(8)
                .build());
        r.add(spec("crypto-btc", "CRYPTO", fin, L + "[13][1-9A-HJ-NP-Za-km-z]{25,34}" + R)
                .valid(Checksums::base58Check)
                .score(0.95, 1.0)
                .digits(1)
                .build());
        r.add(spec("crypto-bech32", "CRYPTO", fin, L + "(?:bc|BC)1[02-9ac-hj-np-zAC-HJ-NP-Z]{11,71}" + R)
                .valid(Checksums::bech32)
                .score(0.95, 1.0)
                .hint("1")
                .digits(1)
                .build());
        r.add(spec("crypto-eth", "CRYPTO", fin, L + "0x[0-9a-fA-F]{40}" + R)
                .score(0.6, 0.95)
                .ctx("wallet", "eth", "address", "send", "crypto")
                .hint("0x")
                .build());

        // US
        String ssn = LD + "\\d{3}([- .]?)\\d{2}([- .]?)\\d{4}" + RD;
        r.add(spec("us-ssn", "US_SSN", gov, ssn)
                .valid(v -> Checksums.usSsn(v) && consistentSeparators(v))
                .score(0.7, 1.0)
                .ctx("ssn", "social security", "social sec", "ss#", "ss #")
                .digits(9)
                .build());
        r.add(spec("us-itin", "US_ITIN", gov, LD + "9\\d{2}([- .]?)[5-9]\\d([- .]?)\\d{4}" + RD)
                .valid(v -> Checksums.usItin(v) && consistentSeparators(v))
                .score(0.6, 1.0)
                .ctx("itin", "taxpayer", "tax id")
                .digits(9)
                .build());
        r.add(spec("us-passport", "US_PASSPORT", gov, L + "[A-Z]?\\d{8,9}" + R)
                .score(0.1, 0.85)
                .ctx("passport")
                .required()
                .digits(8)
                .build());
        r.add(spec(
                        "us-driver-license",
                        "US_DRIVER_LICENSE",
                        gov,
                        L
                                + "(?:[A-Z]{1,2}\\d{4,13}|\\d{7,14}|[A-Z]\\d{3}-\\d{3}-\\d{2}-\\d{3}-\\d|[A-Z]-?\\d{3}-?\\d{3}-?\\d{3}(?:-?\\d{3})?)"
                                + R)
                .score(0.1, 0.85)
                .ctx("driver", "license", "licence", " dl ", "dl#", "dl:", "dln")
                .required()
                .digits(4)
                .build());
        r.add(spec(
                        "us-mbi",
                        "US_MBI",
                        health,
                        L
                                + "[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\\d-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\\d-?[AC-HJKMNP-RT-Y]{2}\\d{2}"
                                + R)
                .score(0.6, 0.95)
                .ctx("medicare", "mbi", "beneficiary", "patient")
                .digits(5)
                .build());
        // NPI: a Luhn check over "80840" + the number. Bare, it outranks the NHS shape (NHS numbers are written
        // 3-3-4); written 4-3-3 it is the NPI's own grouping.
        r.add(spec("us-npi", "US_NPI", health, LD + "[12]\\d{9}" + RD)
                .valid(Checksums::usNpi)
                .score(0.55, 0.95)
                .ctx("npi", "provider", "national provider")
                .digits(10)
                .build());
        r.add(spec("us-npi-grouped", "US_NPI", health, LD + "[12]\\d{3}([- ])\\d{3}\\1\\d{3}" + RD)
                .valid(Checksums::usNpi)
                .score(0.6, 0.95)
                .ctx("npi", "provider", "national provider")
                .digits(10)
                .build());
        // DEA registration numbers (prescribers): letters, seven digits, a check digit.
        r.add(spec("us-dea", "MEDICAL_LICENSE", health, L + "[ABCDEFGHJKLMPRSTUX][A-Z9]\\d{7}" + R)
                .valid(Checksums::usDea)
                .score(0.6, 0.95)
                .ctx("dea", "prescriber", "registration", "license", "licence")
                .digits(7)
                .build());

        // UK
        r.add(spec("uk-nhs", "UK_NHS", gov, LG + "\\d{3}([- ]?)\\d{3}\\1\\d{4}" + RD)
                .valid(Checksums::ukNhs)
                .score(0.5, 0.95)
                .ctx("nhs", "health service", "patient")
                .digits(10)
                .build());
        r.add(spec(
                        "uk-nino",
                        "UK_NINO",
                        gov,
                        "(?i)" + L
                                + "(?!bg|gb|nk|kn|tn|nt|zz)[a-ceghj-pr-tw-z][a-ceghj-npr-tw-z] ?\\d{2} ?\\d{2} ?\\d{2} ?[a-d]"
                                + R)
                .score(0.8, 1.0)
                .ctx("national insurance", "nino", "ni number")
                .digits(6)
                .build());
        r.add(spec(
                        "uk-driving-licence",
                        "UK_DRIVING_LICENCE",
                        gov,
                        "(?i)" + L + "[a-z9]{5}\\d[0156]\\d(?:0[1-9]|[12]\\d|3[01])\\d[a-z9]{2}\\d[a-z]{2}" + R)
                .score(0.8, 1.0)
                .ctx("driving", "licence", "license")
                .digits(6)
                .build());
        r.add(spec("passport-2l7d", "PASSPORT", gov, "(?i)" + L + "[a-z]{2}\\d{7}" + R)
                .score(0.45, 0.9)
                .ctx("passport", "pasaporte", "passeport", "reisepass")
                .digits(7)
                .build());

        // Spain, Italy
        r.add(spec("es-nif", "ES_NIF", gov, L + "\\d{7,8}-?[A-Za-z]" + R)
                .valid(Checksums::esNif)
                .score(0.8, 1.0)
                .ctx("nif", "dni", "documento")
                .digits(7)
                .build());
        r.add(spec("es-nie", "ES_NIE", gov, L + "[XYZxyz]-?\\d{7}-?[A-Za-z]" + R)
                .valid(Checksums::esNif)
                .score(0.85, 1.0)
                .ctx("nie", "extranjero")
                .digits(7)
                .build());
        r.add(spec("es-passport", "ES_PASSPORT", gov, L + "[A-Za-z]{3}\\d{6}" + R)
                .score(0.45, 0.9)
                .ctx("pasaporte", "passport")
                .digits(6)
                .build());
        r.add(spec(
                        "it-fiscal-code",
                        "IT_FISCAL_CODE",
                        gov,
                        "(?i)" + L
                                + "[a-z]{6}[0-9lmnpqrstuv]{2}[abcdehlmprst][0-9lmnpqrstuv]{2}[a-z][0-9lmnpqrstuv]{3}[a-z]"
                                + R)
                .valid(Checksums::itFiscalCode)
                .score(0.9, 1.0)
                .digits(7)
                .build());
        // The structure alone (surname and name letters, year, month letter, day, municipality code) is specific
        // enough that a wrong check letter is more likely a typo than another kind of string.
        r.add(spec(
                        "it-fiscal-code-shape",
                        "IT_FISCAL_CODE",
                        gov,
                        "(?i)" + L
                                + "[a-z]{6}[0-9lmnpqrstuv]{2}[abcdehlmprst][0-7lmnpqrst][0-9lmnpqrstuv][a-z][0-9lmnpqrstuv]{3}[a-z]"
                                + R)
                .valid(v -> IdentifierRecognizers.hasDigits(v, 5))
                .score(0.6, 0.9)
                .ctx("codice fiscale", "fiscal code", "cf")
                .digits(5)
                .build());
        r.add(spec(
                        "it-identity-card",
                        "IT_IDENTITY_CARD",
                        gov,
                        "(?i)" + L + "(?:[a-z]{2}\\d{5}[a-z]{2}|c[a-z]\\d{5}[a-z]{2})" + R)
                .score(0.45, 0.9)
                .ctx("carta d'identità", "carta di identità", "identity card", "cie")
                .digits(5)
                .build());
        r.add(spec(
                        "it-driver-license",
                        "IT_DRIVER_LICENSE",
                        gov,
                        "(?i)" + L + "(?:[a-z]{2}\\d{7}[a-z]|u1[b-hj-npr-uw-z0-9]{7}[a-z])" + R)
                .score(0.45, 0.9)
                .ctx("patente", "driver", "license")
                .digits(1)
                .build());

        // India
        r.add(spec("in-aadhaar", "IN_AADHAAR", gov, LG + "[2-9]\\d{3}([ :-]?)\\d{4}\\1\\d{4}" + RD)
                .valid(Checksums::aadhaar)
                .score(0.75, 1.0)
                .ctx("aadhaar", "aadhar", "uid")
                .digits(12)
                .build());
        r.add(spec("in-pan", "IN_PAN", gov, L + "[A-Z]{5}\\d{4}[A-Z]" + R)
                .valid(v -> "ABCFGHJLPT".indexOf(v.charAt(3)) >= 0)
                .score(0.8, 1.0)
                .ctx("pan", "permanent account", "income tax")
                .digits(4)
                .build());
        r.add(spec("in-pan-shape", "IN_PAN", gov, L + "[A-Z]{5}\\d{4}[A-Z]" + R)
                .score(0.45, 0.9)
                .ctx("pan", "permanent account", "income tax")
                .digits(4)
                .build());
        r.add(spec("in-voter", "IN_VOTER", gov, "(?i)" + L + "[a-z]{3}\\d{7}" + R)
                .score(0.45, 0.9)
                .ctx("voter", "epic", "election")
                .digits(7)
                .build());
        r.add(spec("in-passport", "IN_PASSPORT", gov, L + "[A-Z][1-9]\\d ?\\d{4}[1-9]" + R)
                .score(0.45, 0.9)
                .ctx("passport")
                .digits(7)
                .build());

        // Australia, Singapore, Canada
        r.add(spec("au-tfn", "AU_TFN", gov, LD + "\\d{3} ?\\d{3} ?\\d{3}" + RD)
                .valid(Checksums::auTfn)
                .score(0.49, 1.0)
                .ctx("tfn", "tax file")
                .digits(9)
                .build());
        r.add(spec("au-medicare-grouped", "AU_MEDICARE", health, LD + "[2-6]\\d{3} \\d{5} \\d(?:[ /-]?\\d)?" + RD)
                .valid(Checksums::auMedicare)
                .score(0.8, 1.0)
                .ctx("medicare")
                .digits(10)
                .build());
        r.add(spec("au-medicare", "AU_MEDICARE", health, LD + "[2-6]\\d{9}" + RD)
                .valid(Checksums::auMedicare)
                .score(0.5, 1.0)
                .ctx("medicare")
                .digits(10)
                .build());
        r.add(spec("au-abn", "AU_ABN", PiiClass.OTHER, LD + "\\d{2} ?\\d{3} ?\\d{3} ?\\d{3}" + RD)
                .valid(Checksums::auAbn)
                .score(0.5, 1.0)
                .ctx("abn", "business number")
                .digits(11)
                .build());
        r.add(spec("au-acn", "AU_ACN", PiiClass.OTHER, LD + "\\d{3} ?\\d{3} ?\\d{3}" + RD)
                .valid(Checksums::auAcn)
                .score(0.3, 1.0)
                .ctx("acn", "company number")
                .digits(9)
                .build());
        r.add(spec("sg-nric", "SG_NRIC_FIN", gov, "(?i)" + L + "[stfgm]\\d{7}[a-z]" + R)
                .valid(Checksums::sgNric)
                .score(0.9, 1.0)
                .ctx("nric", "fin")
                .digits(7)
                .build());
        r.add(spec("sg-nric-shape", "SG_NRIC_FIN", gov, "(?i)" + L + "[stfgm]\\d{7}[a-z]" + R)
                .score(0.45, 0.85)
                .ctx("nric", "fin")
                .digits(7)
                .build());
        r.add(spec("ca-sin", "CA_SIN", gov, LD + "\\d{3}([- ]?)\\d{3}\\1\\d{3}" + RD)
                .valid(Checksums::caSin)
                .score(0.49, 1.0)
                .ctx("sin", "social insurance", "nas", "assurance sociale")
                .digits(9)
                .build());

        // Europe
        r.add(spec("pl-pesel", "PL_PESEL", gov, LD + "\\d{11}" + RD)
                .valid(Checksums::plPesel)
                .score(0.5, 1.0)
                .ctx("pesel")
                .digits(11)
                .build());
        r.add(spec("fi-hetu", "FI_PERSONAL_IDENTITY_CODE", gov, L + "\\d{6}[-+A-FU-Ya-fu-y]\\d{3}[0-9A-Ya-y]" + R)
                .valid(Checksums::fiPersonalId)
                .score(0.9, 1.0)
                .ctx("henkilötunnus", "hetu", "identity code")
                .digits(9)
                .build());
        r.add(spec("se-personnummer", "SE_PERSONNUMMER", gov, LD + "(?:18|19|20)?\\d{6}[-+]?\\d{4}" + RD)
                .valid(Checksums::sePersonnummer)
                .score(0.6, 1.0)
                .ctx("personnummer", "pnr", "personal identity")
                .digits(10)
                .build());
        // A 12-digit personnummer (with century) is specific enough to be read even when glued to a word.
        r.add(spec("se-personnummer-glued", "SE_PERSONNUMMER", gov, "(?<=[A-Za-z])(?:18|19|20)\\d{6}[-+]?\\d{4}" + RD)
                .valid(Checksums::sePersonnummer)
                .score(0.6, 1.0)
                .ctx("personnummer", "pnr", "personal identity", "id code")
                .digits(12)
                .build());
        r.add(spec("de-tax-id", "DE_TAX_ID", gov, LD + "[1-9]\\d ?\\d{3} ?\\d{3} ?\\d{3}" + RD)
                .valid(Checksums::deTaxId)
                .score(0.55, 1.0)
                .ctx("steuer", "idnr", "tax id", "identifikationsnummer")
                .digits(11)
                .build());
        r.add(spec(
                        "de-id-document",
                        "DE_ID_CARD",
                        gov,
                        "(?i)" + L + "[cfghjklmnprtvwxyz][cfghjklmnprtvwxyz0-9]{7}\\d" + R)
                .valid(v -> Checksums.icao(v) && hasDigits(v, 4))
                .score(0.5, 1.0)
                .ctx("ausweis", "personalausweis", "reisepass", "pass-nr", "passport", "identity card")
                .digits(4)
                .build());
        r.add(spec(
                        "de-id-document-shape",
                        "DE_ID_CARD",
                        gov,
                        "(?i)" + L + "[cfghjklmnprtvwxyz][cfghjklmnprtvwxyz0-9]{7}\\d" + R)
                .score(0.2, 0.8)
                .ctx("ausweis", "personalausweis", "reisepass", "pass-nr", "passport", "identity card")
                .required()
                .digits(4)
                .build());
        // Identity cards issued before November 2010: T and eight digits.
        r.add(spec("de-id-card-legacy", "DE_ID_CARD", gov, "(?i)" + L + "t\\d{8}" + R)
                .valid(v -> !Checksums.allSame(v.substring(1)) || v.charAt(1) != '0')
                .score(0.5, 1.0)
                .ctx("ausweis", "personalausweis", "identity card", "id card")
                .digits(8)
                .build());
        r.add(spec("de-social-security", "DE_SOCIAL_SECURITY", gov, L + "\\d{8}[A-Z]\\d{3}" + R)
                .valid(Checksums::deSocialSecurity)
                .score(0.6, 1.0)
                .ctx("rentenversicherung", "sozialversicherung", "rvnr", "svnr")
                .digits(11)
                .build());
        r.add(spec("de-health-insurance", "DE_HEALTH_INSURANCE", health, "(?i)" + L + "[a-z]\\d{9}" + R)
                .valid(Checksums::deHealthInsurance)
                .score(0.6, 0.95)
                .ctx("versicherten", "egk", "krankenversicherung", "krankenkasse", "kvnr")
                .digits(9)
                .build());
        // Physician (LANR) and practice (BSNR) numbers of German statutory health insurance: nine digits. The LANR
        // carries a check digit; the BSNR has none, so it needs its context words.
        r.add(spec("de-lanr", "DE_LANR", health, LD + "\\d{9}" + RD)
                .valid(v -> Checksums.deLanr(v) && !Checksums.sequentialRun(v, 7))
                .score(0.71, 0.95)
                .ctx(
                        "lanr",
                        "arztnummer",
                        "arzt-nr",
                        "arzt nr",
                        "vertragsarzt",
                        "kassenarzt",
                        "rezept",
                        "hausarzt",
                        "facharzt",
                        "arzt")
                .digits(9)
                .build());
        r.add(spec("de-lanr-context", "DE_LANR", health, LD + "\\d{9}" + RD)
                .valid(v -> !Checksums.allSame(v))
                .score(0.3, 0.9)
                .ctx("lanr", "arztnummer", "arzt-nr", "arzt nr")
                .required()
                .digits(9)
                .build());
        r.add(spec("de-bsnr", "DE_BSNR", health, LD + "\\d{9}" + RD)
                .valid(v -> !Checksums.allSame(v))
                .score(0.3, 0.9)
                // "praxis" also covers Praxisnummer, Arztpraxis and Vertragsarztpraxis.
                .ctx("bsnr", "betriebsstätte", "praxis", "kassenärztliche", "kv-nummer")
                .required()
                .digits(9)
                .build());

        // Korea, Thailand, Turkey, South Africa, Philippines
        r.add(spec("kr-rrn", "KR_RRN", gov, LD + "\\d{6}-?[1-4]\\d{6}" + RD)
                .valid(v -> Checksums.krRrn(v, false))
                .score(0.8, 1.0)
                .ctx("rrn", "resident registration", "주민등록")
                .digits(13)
                .build());
        r.add(spec("kr-frn", "KR_FRN", gov, LD + "\\d{6}-?[5-8]\\d{6}" + RD)
                .valid(v -> Checksums.krRrn(v, true))
                .score(0.8, 1.0)
                .ctx("frn", "foreigner", "외국인")
                .digits(13)
                .build());
        r.add(spec("kr-passport", "KR_PASSPORT", gov, "(?i)" + L + "[msrodg](?:\\d{3}[a-z]\\d{4}|\\d{8})" + R)
                .score(0.45, 0.9)
                .ctx("passport", "여권")
                .digits(7)
                .build());
        r.add(spec(
                        "kr-driver-license",
                        "KR_DRIVER_LICENSE",
                        gov,
                        LD + "(?:1[1-9]|2[0-68])([- ])\\d{2}\\1\\d{6}\\1\\d{2}" + RD)
                .score(0.5, 0.9)
                .ctx("driver", "license", "운전")
                .digits(12)
                .build());
        // Unseparated: a registered region code (11-26, 28) then ten digits; weak without a licence word.
        r.add(spec("kr-driver-license-compact", "KR_DRIVER_LICENSE", gov, LD + "(?:1[1-9]|2[0-68])\\d{10}" + RD)
                .valid(v -> !Checksums.sequentialRun(v, 10))
                .score(0.42, 0.85)
                .ctx("driver", "license", "licence", "운전", "면허")
                .digits(12)
                .build());
        r.add(spec("th-tnin", "TH_TNIN", gov, LD + "[1-8]\\d{12}" + RD)
                .valid(Checksums::thTnin)
                .score(0.8, 1.0)
                .ctx("thai", "tnin", "เลขประจำตัว")
                .digits(13)
                .build());
        r.add(spec("tr-national-id", "TR_NATIONAL_ID", gov, LD + "[1-9]\\d{10}" + RD)
                .valid(Checksums::trNationalId)
                .score(0.7, 1.0)
                .ctx("tckn", "kimlik", "tc no", "national id")
                .digits(11)
                .build());
        r.add(spec("za-id", "ZA_ID_NUMBER", gov, LD + "\\d{13}" + RD)
                .valid(Checksums::zaId)
                .score(0.6, 1.0)
                .ctx("id number", "rsa id", "identity", "sa id")
                .digits(13)
                .build());
        r.add(spec("ph-tin-grouped", "PH_TIN", gov, LD + "\\d{3}-\\d{3}-\\d{3}-\\d{3}" + RD)
                .valid(Checksums::phTin)
                .score(0.5, 0.9)
                .ctx("tin", "tax id", "bir", "tax identification", "taxpayer")
                .digits(12)
                .build());
        r.add(spec("ph-tin", "PH_TIN", gov, LD + "\\d{3}-?\\d{3}-?\\d{3}(?:-?\\d{3})?" + RD)
                .valid(Checksums::phTin)
                .score(0.3, 0.85)
                .ctx("tin", "tax id", "bir", "tax identification")
                .required()
                .digits(9)
                .build());

        // Dates of birth, only with context.
        r.add(spec(
                        "date-of-birth",
                        "DATE_OF_BIRTH",
                        PiiClass.PERSON,
                        LD + "(?:\\d{1,2}[./-]\\d{1,2}[./-](?:19|20)?\\d{2}|(?:19|20)\\d{2}-\\d{1,2}-\\d{1,2}"
                                + "|\\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6},? (?:19|20)\\d{2}"
                                + "|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6} \\d{1,2},? (?:19|20)\\d{2})"
                                + RD)
                .score(0.3, 0.75)
                .ctx("born", "birth", "dob", "d.o.b", "birthday", "geboren", "né le", "née le")
                .required()
                .digits(4)
                .build());

        // Network identifiers (class OTHER: identify devices, not people, by themselves).
        r.add(spec(
                        "mac-address",
                        "MAC_ADDRESS",
                        PiiClass.OTHER,
                        L
                                + "(?:[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\\1[0-9A-Fa-f]{2}){4}|[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4})"
                                + R)
                .valid(v -> !Checksums.compact(v).equals("FFFFFFFFFFFF"))
                .score(0.7, 0.95)
                .ctx("mac", "hardware", "physical", "ethernet")
                .anchor(IdentifierRecognizers::macStart)
                .build());
        r.add(new IpRecognizer());
        r.add(spec(
                        "url",
                        "URL",
                        PiiClass.OTHER,
                        "(?i)(?<![A-Za-z0-9@.-])https?://[A-Za-z0-9.-]{1,253}(?::\\d{1,5})?(?:[/?#][^\\s\"'<>()\\[\\]{}]{0,2000})?")
                .score(0.6, 0.6)
                .hint("://")
                .span(2300)
                .build());
        r.add(spec(
                        "url-www",
                        "URL",
                        PiiClass.OTHER,
                        "(?<![A-Za-z0-9@.-])www\\.[A-Za-z0-9.-]{1,253}(?::\\d{1,5})?(?:[/?#][^\\s\"'<>()\\[\\]{}]{0,2000})?")
                .score(0.6, 0.6)
                .hint("www.")
                .span(2300)
                .build());
        r.add(new DomainRecognizer());
        // Postal codes after a cue word.
        r.add(spec(
                        "postal-code-cue",
                        "POSTAL_CODE",
                        PiiClass.LOCATION,
                        "(?i:zip|zip code|postal code|postcode|post code|plz|cep)[: \\t]{1,3}(\\d{3,5}(?:[- ]\\d{2,4})?(?: ?[A-Z]{2})?)"
                                + RD)
                .group(1)
                .score(0.7, 0.7)
                .digits(3)
                .build());
        // UK postcode (a location).
        r.add(spec(
                        "uk-postcode",
                        "UK_POSTCODE",
                        PiiClass.LOCATION,
                        L
                                + "(?:GIR ?0AA|[A-PR-UWYZ](?:[0-9][0-9]?|[A-HK-Y][0-9][0-9]?|[0-9][A-HJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRVWXY]) ?[0-9][ABD-HJLNP-UW-Z]{2})"
                                + R)
                .score(0.6, 0.9)
                .ctx("postcode", "post code", "address", "london")
                .digits(1)
                .build());
        return r;
    }

    /** A MAC address can start here: two hex digits then ':' or '-', or four hex digits then '.'. */
    static boolean macStart(String s, int i) {
        if (i + 5 > s.length() || i > 0 && Character.isLetterOrDigit(s.charAt(i - 1))) {
            return false;
        }
        if (!hex(s.charAt(i)) || !hex(s.charAt(i + 1))) {
            return false;
        }
        char c = s.charAt(i + 2);
        return c == ':' || c == '-' || hex(c) && hex(s.charAt(i + 3)) && s.charAt(i + 4) == '.';
    }

    private static boolean hex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /** For x-y-z numbers: either no separators or the same one twice. */
    static boolean consistentSeparators(String v) {
        char first = 0;
        int count = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                if (count > 0 && c != first) {
                    return false;
                }
                first = c;
                count++;
            }
        }
        return count != 1 || first != '.';
    }

    static boolean hasDigits(String v, int n) {
        int d = 0;
        for (int i = 0; i < v.length(); i++) {
            if (Character.isDigit(v.charAt(i))) {
                d++;
            }
        }
        return d >= n;
    }
}
