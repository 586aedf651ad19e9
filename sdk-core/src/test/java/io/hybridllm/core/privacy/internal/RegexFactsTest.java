package io.hybridllm.core.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hybridllm.core.privacy.PrivacyScannerBenchmark;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The facts derived from a pattern must hold for every match {@link Matcher#find()} finds. */
class RegexFactsTest {
    private static final String ALPHABET = "aAbBcCeExXsSzZfF019257  \t\n.,:;-_/@+#'\"()=éßK\u212aİ~|";

    /** Text with a match for many built-in patterns (made-up values of the right shape). */
    private static final List<String> SAMPLES = List.of(
            "card 4111 1111 1111 1111 and 4012-8888-8888-1881, ssn 078-05-1120, routing 021000021",
            "mail jane.doe+x@mail.example.co.uk, mac 00:1A:2b:3C:4d:5E or 0012.3456.789a, ip 10.0.0.1/24",
            "ghp_0123456789abcdefABCDEF0123456789abcd token AKIAABCDEFGHIJKLMNOP and sk-proj-abcdefghij0123456789XY",
            "xoxb-123456789012-1234567890123-abcdefghijABCDEFGHIJ0123 and eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc_DEF",
            "AIzaSyA-1234567890abcdefghijklmnopqrstu npm_abcdefghijABCDEFGHIJ0123456789abcdef https://user:pa55@host.io/x",
            "passport AB1234567, nino QQ 12 34 56 C, Fiscal RSSMRA85T10A562S, PAN ABCPE1234F, NRIC S1234567D",
            "born 12/03/1985 or 3 March 1990, postcode SW1A 1AA, zip 94105-1234, www.example.org/a?b=1 and "
                    + "-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n"
                    + "-----END RSA PRIVATE KEY-----",
            "Authorization: Bearer abcDEF123456ghiJKL7890 and password = \"S3cr3t-Value_42!\" plus curl -u admin:hunter22");

    private static final List<String> TRICKY = List.of(
            "\\bfoo\\d",
            "(?m)^ab\\d",
            "(?<![a-z])x\\d{2}",
            "(?<![\\w-]|\\d[.,])\\d{3}-\\d{2}",
            "(?i)(?<![A-Za-z0-9])[a-z]{2}\\d{3}(?![A-Za-z0-9])",
            "(?iu)k\\d",
            "a(?=b)b",
            "(\\d)[ .]\\1\\1",
            "(?i:ab|c)[^a-c]{2,3}",
            "[\\w-]{3}\\.[^\\s]+",
            "x*y?z{0,2}",
            "(?:ab){2,}c|d",
            "\\Qa.b\\E\\d",
            "é\\d{2}",
            ".{2}\\d",
            "(?<n>[a-c])\\k<n>",
            "(?<![\\p{L}\\p{N}])\\p{Lu}[\\p{L}\\p{M}'’.-]{0,30}[ \\t]{1,2}\\d",
            "(?i)\\P{Lu}\\d",
            "[\\p{L}]{2}\\pN");

    @Test
    void everyMatchOfBuiltInTrickyAndRandomPatternsSatisfiesTheFacts() {
        List<Pattern> patterns = new ArrayList<>(BuiltInPatterns.all());
        int builtIn = patterns.size();
        for (String t : TRICKY) {
            patterns.add(Pattern.compile(t));
        }
        Random random = new Random(7);
        for (int i = 0; i < 400; i++) {
            try {
                patterns.add(Pattern.compile(randomRegex(random, 3)));
            } catch (java.util.regex.PatternSyntaxException e) {
                // some random combinations are not valid syntax; they say nothing about the facts
            }
        }
        List<String> texts = new ArrayList<>(List.of(PrivacyScannerBenchmark.PROMPTS));
        texts.addAll(SAMPLES);
        for (int i = 0; i < 80; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + random.nextInt(150);
            for (int k = 0; k < n; k++) {
                sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            texts.add(sb.toString());
        }
        int withFacts = 0;
        int builtInWithFacts = 0;
        int matches = 0;
        for (int k = 0; k < patterns.size(); k++) {
            Pattern p = patterns.get(k);
            RegexFacts f = RegexFacts.of(p);
            if (f == null) {
                continue;
            }
            withFacts++;
            if (k < builtIn) {
                builtInWithFacts++;
            }
            for (String text : texts) {
                Matcher m = p.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
                ScanText t = new ScanText(text);
                while (m.find()) {
                    matches++;
                    assertThat(f.possibleIn(t)).as("%s in %s", p, text).isTrue();
                    assertThat(f.mayStartAt(text, m.start(), m.end()))
                            .as("%s at %d in %s", p, m.start(), text)
                            .isTrue();
                    if (m.end() == m.start()) {
                        break;
                    }
                }
            }
        }
        assertThat(builtInWithFacts).isEqualTo(builtIn);
        assertThat(withFacts).isGreaterThan(patterns.size() / 2);
        assertThat(matches).isGreaterThan(1000);
    }

    @Test
    void factsNameTheLengthRunsCharsAndDigitsEveryMatchNeeds() {
        RegexFacts f = RegexFacts.of(Pattern.compile("(?<![A-Z])[A-Z]{5}\\d{4}[A-Z](?![A-Z])"));
        assertThat(f.minLength).isEqualTo(10);
        assertThat(f.minDigits).isEqualTo(4);
        assertThat(f.run(RegexFacts.CharClass.DIGIT)).isEqualTo(4);
        assertThat(f.run(RegexFacts.CharClass.UPPER_ALNUM)).isEqualTo(10);
        assertThat(f.possibleIn(new ScanText("pan ABCDE1234F"))).isTrue();
        assertThat(f.possibleIn(new ScanText("pan ABCDE 1234 F"))).isFalse();
        assertThat(f.mayStartAt("xABCDE1234F", 1, 11)).isTrue();
        assertThat(f.mayStartAt("xABCDE1234F", 0, 11)).isFalse();

        RegexFacts key = RegexFacts.of(Pattern.compile("sk-[A-Za-z0-9]{20}"));
        assertThat(key.possibleIn(new ScanText("the sk- prefix alone"))).isFalse();
        assertThat(key.possibleIn(new ScanText("no dash sk_abcdefghijabcdefghij")))
                .isFalse();
    }

    @Test
    void aStartMustReachTheFixedCharOfThePatternThroughCharsThatMayPrecedeIt() {
        RegexFacts mail = RegexFacts.of(Pattern.compile("(?<![\\w.])[\\w.]{1,64}@[a-z]{1,20}\\.[a-z]{2,6}"));
        String text = "write to jane.doe@example.org today";
        assertThat(mail.mayStartAt(text, text.indexOf("jane"), text.length())).isTrue();
        assertThat(mail.mayStartAt(text, text.indexOf("write"), text.length())).isFalse();
        assertThat(mail.mayStartAt(text, text.indexOf("today"), text.length())).isFalse();
    }

    @Test
    void syntaxOrFlagsTheParserDoesNotKnowGiveNoFacts() {
        assertThat(RegexFacts.of(Pattern.compile("[a-z&&[^x]]\\d"))).isNull();
        assertThat(RegexFacts.of(Pattern.compile("\\R\\d"))).isNull();
        assertThat(RegexFacts.of(Pattern.compile("(?u)k"))).isNull();
        assertThat(RegexFacts.of(Pattern.compile("k", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)))
                .isNull();
    }

    private static String randomRegex(Random r, int depth) {
        StringBuilder sb = new StringBuilder();
        if (r.nextInt(6) == 0) {
            sb.append("(?i)");
        }
        int parts = 1 + r.nextInt(4);
        for (int i = 0; i < parts; i++) {
            String atom = randomAtom(r, depth);
            sb.append(atom);
            if (atom.startsWith("(")) {
                continue; // no repeated groups: nested repetition backtracks exponentially
            }
            switch (r.nextInt(7)) {
                case 0 -> sb.append('?');
                case 1 -> sb.append('*');
                case 2 -> sb.append('+');
                case 3 -> sb.append('{')
                        .append(r.nextInt(3))
                        .append(',')
                        .append(2 + r.nextInt(3))
                        .append('}');
                default -> {}
            }
        }
        if (r.nextInt(5) == 0) {
            sb.append('|').append(randomRegex(r, depth - 1));
        }
        return sb.toString();
    }

    private static String randomAtom(Random r, int depth) {
        String[] atoms = {
            "a",
            "B",
            "\\d",
            "\\w",
            "\\s",
            "[a-cX]",
            "[^a-c]",
            "[\\d.:-]",
            ".",
            "\\.",
            "é",
            "K",
            "x",
            "_",
            "-",
            "\\b",
            "\\p{Lu}",
            "[\\p{L}x]"
        };
        int k = r.nextInt(depth > 0 ? 12 : 10);
        if (k < 8) {
            return atoms[r.nextInt(atoms.length)];
        }
        if (k == 8) {
            return "(?<![a-z])";
        }
        if (k == 9) {
            return "(?=[a-c\\d])";
        }
        if (k == 10) {
            return "(" + randomRegex(r, depth - 1) + ")\\1";
        }
        return "(?:" + randomRegex(r, depth - 1) + ")";
    }
}
