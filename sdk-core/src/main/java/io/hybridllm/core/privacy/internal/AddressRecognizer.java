package io.hybridllm.core.privacy.internal;

import io.hybridllm.core.privacy.PiiClass;
import io.hybridllm.core.privacy.PrivacyItem;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Street addresses and places: house number + capitalized street words (+ number, unit, city, state, postcode
 * lines), post-office boxes and military addresses, and place names from the gazetteer or after a place cue
 * ("lives in", "grew up in"). Patterns are bounded and start at word boundaries.
 */
final class AddressRecognizer implements Recognizer {
    private static final String WORD = "\\p{Lu}[\\p{L}\\p{M}'’.-]{0,30}";
    private static final String ANY_WORD = "[\\p{L}][\\p{L}\\p{M}'’.-]{0,30}";
    private static final Pattern STREET =
            Pattern.compile("(?<![\\p{L}\\p{N}])\\d{1,6}[A-Za-z]?(?:[ \\t]\\d{1,6})?,?[ \\t]{1,2}(?:" + ANY_WORD
                    + "[ \\t]{1,2}){0,4}" + ANY_WORD + "(?:[ \\t]{1,2}\\d{1,5}[A-Za-z]?(?![\\p{L}\\p{N}]))?");
    private static final Pattern NAMED_STREET = Pattern.compile("(?<![\\p{L}\\p{N}])" + WORD + "(?:[ \\t]{1,2}" + WORD
            + "){0,2}[ \\t]{1,2}\\d{1,5}[A-Za-z]?(?![\\p{L}\\p{N}])");
    private static final Pattern BOX =
            Pattern.compile("(?<![\\p{L}\\p{N}])(?:P\\.? ?O\\.? Box \\d{1,6}|PSC \\d{1,5}, Box \\d{1,5}"
                    + "|Unit \\d{1,5} Box \\d{1,5}|USS \\p{Lu}[\\p{L}]{1,30}|(?:Apt|Apartment|Suite|Ste|Unit)\\.? ?#?\\d{1,6}[A-Za-z]?"
                    + "|(?:APO|FPO|DPO) A[AEP] \\d{5})(?![\\p{L}\\p{N}])");
    private static final Pattern TAIL = Pattern.compile(
            "(?:[ \\t]{0,3}[,\\n][ \\t\\n]{0,3}|[ \\t]{1,3})(?:(?:Apt|Apartment|Suite|Ste|Unit)\\.? ?#?\\d{1,6}"
                    + "|\\p{Lu}[\\p{L}\\p{M}'’.-]{1,30}(?:[ \\t]\\p{Lu}?[\\p{L}\\p{M}'’.-]{1,30}){0,3}(?:[ \\t]{1,2}\\d{4,6}(?:-\\d{4})?)?"
                    + "|[A-Z]{2}[ \\t\\n]{1,3}\\d{5}(?:-\\d{4})?|\\d{5}(?:-\\d{4})?|,[ \\t]?[A-Z]{2})");
    private static final Pattern STATE_ZIP =
            Pattern.compile("(?<![A-Za-z0-9])[A-Z]{2}[ \\t\\n]{1,3}\\d{5}(?:-\\d{4})?(?![0-9])");
    private static final List<String> STREET_SUFFIXES = List.of(
            "katu", "gasse", "straße", "strasse", "gatan", "gata", "gade", "vej", "weg", "tie", "kuja", "vägen",
            "vegen", "veien", "laan", "straat", "plein", "utca", "ulica", "street", "road", "avenue");
    private static final Pattern BLANK = Pattern.compile("[ \\t]");
    private static final Pattern BLANK_OR_NEWLINE = Pattern.compile("[ \\t\\n]");
    private static final Pattern LEADING_COMMAS = Pattern.compile("^[,\\s]+");
    private static final StartTable NAMED_STREET_STARTS = StartTable.of(NAMED_STREET);
    private static final StartTable BOX_STARTS = StartTable.of(BOX);
    private static final StartTable STATE_ZIP_STARTS = StartTable.of(STATE_ZIP);
    private static final RegexFacts BOX_FACTS = RegexFacts.of(BOX);
    private static final RegexFacts STATE_ZIP_FACTS = RegexFacts.of(STATE_ZIP);
    private static final List<String> ADDRESS_CUES = List.of(
            "lives at",
            "live at",
            "living at",
            "address",
            "meet me at",
            "located at",
            "lives on",
            "live on",
            "ship to",
            "deliver to",
            "send to",
            "moved to",
            "resides at",
            "at ",
            "on ",
            "visit ",
            "taxi to");
    private static final List<String> PLACE_CUES = List.of(
            "lives in ",
            "live in ",
            "living in ",
            "grew up in ",
            "born in ",
            "located in ",
            "based in ",
            "moved to ",
            "from ",
            "in ",
            "to ",
            "visit ",
            "near ",
            "serving ",
            "city of ",
            "town of ",
            "at ",
            "of ");

    @Override
    public void find(ScanText t, List<PrivacyItem> out) {
        String s = t.text;
        if (t.digits > 0) {
            int[] w = t.digitWindows();
            Matcher[] matchers = new Matcher[4];
            for (int k = 0; k < w.length; k += 3) {
                streets(t, w[k], w[k + 1], matchers, out);
            }
        }
        places(t, out);
    }

    private static Matcher matcher(Matcher[] ms, int k, Pattern p, String s) {
        if (ms[k] == null) {
            ms[k] = p.matcher(s).useTransparentBounds(true).useAnchoringBounds(false);
        }
        return ms[k];
    }

    /** {@code ms}: the matchers of the street, named street, box and state+ZIP patterns, made on first use. */
    private static void streets(ScanText t, int from, int to, Matcher[] ms, List<PrivacyItem> out) {
        String s = t.text;
        {
            Matcher m = null;
            int p = from;
            int[] runStarts = t.digitRunStarts();
            // A street number starts a digit run, after neither a letter nor a digit.
            for (int k = ScanText.firstAtLeast(runStarts, from); k < runStarts.length && runStarts[k] < to; k++) {
                int q = runStarts[k];
                if (q < p || q > 0 && Character.isLetterOrDigit(s.charAt(q - 1)) || !streetMayStart(s, q, to)) {
                    continue;
                }
                if (m == null) {
                    m = matcher(ms, 0, STREET, s);
                }
                m.region(q, to);
                if (!m.lookingAt()) {
                    continue;
                }
                p = Math.max(q + 1, m.end());
                String words = s.substring(m.start(), m.end());
                boolean streetWord = hasStreetWord(words);
                boolean trailingNumber = Character.isDigit(words.charAt(words.length() - 1));
                boolean cue = t.hasContextBefore(m.start(), ADDRESS_CUES, 24);
                boolean capitalized = Character.isUpperCase(firstLetter(words));
                if (!streetWord && !(trailingNumber && (capitalized || cue)) && !(cue && capitalized)) {
                    continue;
                }
                int end = extend(s, m.end());
                if (!streetWord && !trailingNumber && end == m.end()) {
                    continue;
                }
                double score = streetWord || trailingNumber && end > m.end() ? 0.85 : 0.65;
                out.add(PrivacyItem.of("STREET_ADDRESS", PiiClass.LOCATION, m.start(), end, score, "address-grammar"));
            }
            Matcher nm = matcher(ms, 1, NAMED_STREET, s);
            for (int q = from; findNamedStreet(nm, t, q, to); q = next(nm)) {
                String words = s.substring(nm.start(), nm.end());
                boolean streetWord = hasStreetWord(words);
                boolean cue = t.hasContextBefore(nm.start(), ADDRESS_CUES, 24)
                        || t.containsLower(" street", nm.end(), nm.end() + 8);
                String firstWord = BLANK.split(words)[0].toLowerCase(Locale.ROOT);
                if (Gazetteers.NOT_NAMES.contains(firstWord) && !streetWord
                        || !(streetWord || cue || endsInStreetSuffix(words))) {
                    continue;
                }
                out.add(PrivacyItem.of(
                        "STREET_ADDRESS", PiiClass.LOCATION, nm.start(), extend(s, nm.end()), 0.7, "address-grammar"));
            }
            Matcher bm = matcher(ms, 2, BOX, s);
            for (int q = from; StartTable.find(bm, BOX_STARTS, BOX_FACTS, t, q, to); q = next(bm)) {
                out.add(PrivacyItem.of(
                        "STREET_ADDRESS", PiiClass.LOCATION, bm.start(), extend(s, bm.end()), 0.7, "address-grammar"));
            }
            Matcher zm = matcher(ms, 3, STATE_ZIP, s);
            for (int q = from; StartTable.find(zm, STATE_ZIP_STARTS, STATE_ZIP_FACTS, t, q, to); q = next(zm)) {
                out.add(PrivacyItem.of(
                        "STREET_ADDRESS", PiiClass.LOCATION, zm.start(), zm.end(), 0.6, "address-grammar"));
            }
        }
    }

    /**
     * Whether a {@link #STREET} match may start at digit {@code p}: its number (one to six digits, an optional
     * letter, an optional comma) must be followed by one or two blanks and a letter. A second number after a blank
     * is not looked into (then the answer is yes).
     */
    private static boolean streetMayStart(String s, int p, int to) {
        int q = p;
        while (q < to && q - p <= 6 && s.charAt(q) >= '0' && s.charAt(q) <= '9') {
            q++;
        }
        if (q - p > 6 || q >= to) {
            return false;
        }
        char c = s.charAt(q);
        if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
            q++;
        }
        if (q + 1 < to && blank(s.charAt(q)) && s.charAt(q + 1) >= '0' && s.charAt(q + 1) <= '9') {
            return true;
        }
        if (q < to && s.charAt(q) == ',') {
            q++;
        }
        if (q >= to || !blank(s.charAt(q))) {
            return false;
        }
        q++;
        if (q < to && blank(s.charAt(q))) {
            q++;
        }
        return q < to && letterOrOther(s.charAt(q));
    }

    private static boolean blank(char c) {
        return c == ' ' || c == '\t';
    }

    /** An ASCII letter, or any non-ASCII char (which may be a letter). */
    private static boolean letterOrOther(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= 128;
    }

    /**
     * The next {@link #NAMED_STREET} match in [from, to) as {@code find()} would report it. A match is one to three
     * capitalized words (at most 31 chars each) separated by one or two blanks, then one or two blanks and a digit;
     * only starts that fit this (checked on ASCII chars; any other char lets the attempt happen) get an attempt.
     */
    private static boolean findNamedStreet(Matcher m, ScanText t, int from, int to) {
        String s = t.text;
        if (NAMED_STREET_STARTS != null && NAMED_STREET_STARTS.tokenStartsOnly) {
            int[] tokens = t.tokenStarts();
            for (int k = ScanText.firstAtLeast(tokens, from); k < tokens.length && tokens[k] < to; k++) {
                int p = tokens[k];
                if (NAMED_STREET_STARTS.mayStart(s, p) && namedStreetMayStart(s, p, to)) {
                    m.region(p, to);
                    if (m.lookingAt()) {
                        return true;
                    }
                }
            }
            return false;
        }
        for (int p = from; p < to; p++) {
            if (NAMED_STREET_STARTS != null && !NAMED_STREET_STARTS.mayStart(s, p) || !namedStreetMayStart(s, p, to)) {
                continue;
            }
            m.region(p, to);
            if (m.lookingAt()) {
                return true;
            }
        }
        return false;
    }

    private static boolean namedStreetMayStart(String s, int p, int to) {
        int q = p;
        for (int word = 0; word < 3; word++) {
            if (q >= to) {
                return false;
            }
            char c = s.charAt(q);
            if (c >= 128) {
                return true;
            }
            if (c < 'A' || c > 'Z') {
                return false;
            }
            int start = q++;
            while (q < to) {
                char w = s.charAt(q);
                if (w >= 128) {
                    return true;
                }
                if (w >= 'a' && w <= 'z' || w >= 'A' && w <= 'Z' || w == '\'' || w == '.' || w == '-') {
                    q++;
                } else {
                    break;
                }
            }
            if (q - start > 31) {
                return false;
            }
            int blanks = 0;
            while (q < to && blank(s.charAt(q)) && blanks < 3) {
                q++;
                blanks++;
            }
            if (blanks == 0 || blanks > 2 || q >= to) {
                return false;
            }
            char next = s.charAt(q);
            if (next >= '0' && next <= '9' || next >= 128) {
                return true;
            }
        }
        return false;
    }

    /** Where find() would look next after the match {@code m} holds. */
    private static int next(Matcher m) {
        return Math.max(m.end(), m.start() + 1);
    }

    private static char firstLetter(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                return s.charAt(i);
            }
        }
        return ' ';
    }

    private static boolean hasStreetWord(String words) {
        int n = words.length();
        int i = 0;
        while (i < n) {
            while (i < n && separator(words.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !separator(words.charAt(i))) {
                i++;
            }
            // The same pieces as splitting at [ \t,.]+ (a leading empty piece is never a street word).
            if (i > start
                    && Gazetteers.STREET_WORDS.contains(
                            words.substring(start, i).toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static boolean separator(char c) {
        return c == ' ' || c == '\t' || c == ',' || c == '.';
    }

    /** Street names written as one word with a suffix: Koskikatu, Pfarrgasse, Hauptstraße, Storgatan. */
    private static boolean endsInStreetSuffix(String words) {
        String first = BLANK.split(words)[0].toLowerCase(Locale.ROOT);
        for (String suffix : STREET_SUFFIXES) {
            if (first.endsWith(suffix) && first.length() > suffix.length() + 1) {
                return true;
            }
        }
        return false;
    }

    /** Extends an address over unit, city, state and postcode parts that follow it (at most four). */
    private static int extend(String s, int end) {
        Matcher tail = TAIL.matcher(s);
        for (int k = 0; k < 4 && end < s.length(); k++) {
            tail.region(end, s.length());
            if (!tail.lookingAt() || tail.end() <= end) {
                break;
            }
            String part = s.substring(end, tail.end()).strip();
            String firstWord =
                    BLANK_OR_NEWLINE.split(LEADING_COMMAS.matcher(part).replaceFirst(""))[0].toLowerCase(Locale.ROOT);
            if (Gazetteers.NOT_NAMES.contains(firstWord)
                    && !Gazetteers.UNIT_WORDS.contains(firstWord.replace(".", ""))) {
                break;
            }
            end = tail.end();
        }
        return end;
    }

    private static void places(ScanText t, List<PrivacyItem> out) {
        String s = t.text;
        int shouting = -1; // computed when first needed: 1 when the text has no lower-case letter
        List<Words.Word> words = t.words();
        for (int i = 0; i < words.size(); i++) {
            Words.Word w = words.get(i);
            if (!w.capitalized() && !w.allCaps()) {
                continue;
            }
            // multi-word places first
            if (i + 1 < words.size() && Gazetteers.MULTI_WORD_FIRST_WORDS.contains(w.lower())) {
                int j = i + 1;
                String two = w.lower() + " " + words.get(j).lower();
                String three =
                        j + 1 < words.size() ? two + " " + words.get(j + 1).lower() : "";
                if (Gazetteers.MULTI_WORD_PLACES.contains(three) && Words.adjacent(s, words.get(j), words.get(j + 1))) {
                    out.add(PrivacyItem.of(
                            "LOCATION",
                            PiiClass.LOCATION,
                            w.start(),
                            words.get(j + 1).end(),
                            0.75,
                            "place-gazetteer"));
                    i = j + 1;
                    continue;
                }
                if (Gazetteers.MULTI_WORD_PLACES.contains(two) && Words.adjacent(s, w, words.get(j))) {
                    out.add(PrivacyItem.of(
                            "LOCATION",
                            PiiClass.LOCATION,
                            w.start(),
                            words.get(j).end(),
                            0.75,
                            "place-gazetteer"));
                    i = j;
                    continue;
                }
            }
            if (Gazetteers.COUNTRIES.contains(w.lower()) || Gazetteers.STATES_AND_CITIES.contains(w.lower())) {
                if (w.lower().equals("us") || w.lower().equals("georgia") && !w.capitalized()) {
                    continue;
                }
                out.add(PrivacyItem.of("LOCATION", PiiClass.LOCATION, w.start(), w.end(), 0.75, "place-gazetteer"));
                continue;
            }
            if (Gazetteers.NOT_NAMES.contains(w.lower()) || Gazetteers.GIVEN_NAMES.contains(w.lower())) {
                continue;
            }
            boolean cue = false;
            char[] l = t.lower();
            for (String c : PLACE_CUES) {
                int from = w.start() - c.length();
                if (from >= 0 && ScanText.indexOf(l, c, from, w.start()) == from) {
                    cue = true;
                    break;
                }
            }
            if (cue && shouting < 0) {
                shouting = s.chars().noneMatch(Character::isLowerCase) ? 1 : 0;
            }
            if (cue
                    && shouting == 0
                    && (w.allCaps() && w.end() - w.start() >= 4 || w.capitalized() && w.end() - w.start() >= 4)) {
                int end = w.end();
                int j = i + 1;
                while (j < words.size()
                        && j - i < 3
                        && (words.get(j).capitalized() || words.get(j).allCaps())
                        && Words.adjacent(s, words.get(j - 1), words.get(j))) {
                    end = words.get(j).end();
                    j++;
                }
                out.add(PrivacyItem.of(
                        "LOCATION", PiiClass.LOCATION, w.start(), end, w.allCaps() ? 0.7 : 0.55, "place-cue"));
                i = j - 1;
            }
        }
    }
}
