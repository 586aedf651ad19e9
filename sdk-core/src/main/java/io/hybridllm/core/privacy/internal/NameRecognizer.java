package io.hybridllm.core.privacy.internal;

import io.hybridllm.core.privacy.PiiClass;
import io.hybridllm.core.privacy.PrivacyItem;
import java.util.List;

/**
 * People's names from capitalization, honorifics, cue phrases ("my name is", "Dear") and the given-name
 * gazetteer. Runs of 2-4 capitalized words that are not function words, places or organizations count as a name;
 * a single capitalized word needs a cue or a known given name.
 */
final class NameRecognizer implements Recognizer {
    private static final List<String> CUES_BEFORE = List.of(
            "name is ",
            "named ",
            "called ",
            "i am ",
            "i'm ",
            "this is ",
            "dear ",
            "hi ",
            "hello ",
            "hey ",
            "thanks ",
            "thank you ",
            "meet ",
            "with ",
            "contact ",
            "ask ",
            "by ",
            "kid ",
            "son ",
            "daughter ",
            "wife ",
            "husband ",
            "friend ",
            "mother ",
            "father ",
            "brother ",
            "sister ",
            "boss ",
            "colleague ",
            "patient ",
            "client ",
            "signed ",
            "regards, ",
            "regards,\n",
            "cc: ",
            "to: ",
            "from: ",
            "name: ",
            "and ",
            "told ",
            "tell ",
            "gave ",
            "given ",
            "sincerely, ",
            "sincerely,\n",
            "mr. ",
            "ms. ",
            "mrs. ",
            "dr. ");
    private static final List<String> CUES_AFTER = List.of(
            " is ",
            " was ",
            " lives",
            " had ",
            " has ",
            " said",
            " told",
            " asked",
            " wrote",
            ": ",
            ", can ",
            ", could ",
            ", please",
            " and i",
            "'s ",
            " will ",
            " would ",
            " from ");

    @Override
    public void find(ScanText t, List<PrivacyItem> out) {
        String s = t.text;
        List<Words.Word> words = t.words();
        int i = 0;
        while (i < words.size()) {
            Words.Word w = words.get(i);
            if (!w.capitalized() || w.end() - w.start() < 2 && !isInitialStart(words, i, s)) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < words.size()
                    && j - i < 4
                    && words.get(j).capitalized()
                    && Words.adjacent(s, words.get(j - 1), words.get(j))) {
                j++;
            }
            // trim function words at both ends
            int a = i;
            int b = j;
            while (a < b && Gazetteers.NOT_NAMES.contains(words.get(a).lower())) {
                a++;
            }
            while (b > a && Gazetteers.NOT_NAMES.contains(words.get(b - 1).lower())) {
                b--;
            }
            if (a < b && !organizationOrPlace(words, a, b, s)) {
                double score = score(t, words, a, b);
                if (score > 0) {
                    int start = words.get(a).start();
                    int end = words.get(b - 1).end();
                    out.add(PrivacyItem.of("PERSON", PiiClass.PERSON, start, end, score, "name-heuristics"));
                }
            }
            i = j;
        }
        lowerCaseAfterStrongCue(t, words, out);
        if (!t.hasUpper) {
            lowerCaseGivenNames(words, t.text, out);
        }
    }

    /** A text typed all in lower case: known given names (and the word after, a likely surname) still count. */
    private static void lowerCaseGivenNames(List<Words.Word> words, String s, List<PrivacyItem> out) {
        for (int i = 0; i < words.size(); i++) {
            Words.Word w = words.get(i);
            if (!Gazetteers.GIVEN_NAMES.contains(w.lower()) || Gazetteers.NOT_NAMES.contains(w.lower())) {
                continue;
            }
            int end = w.end();
            if (i + 1 < words.size()
                    && Words.adjacent(s, w, words.get(i + 1))
                    && !Gazetteers.NOT_NAMES.contains(words.get(i + 1).lower())) {
                end = words.get(++i).end();
            }
            out.add(PrivacyItem.of("PERSON", PiiClass.PERSON, w.start(), end, 0.6, "name-gazetteer"));
        }
    }

    private static final List<String> STRONG_CUES = List.of(
            "my name is ",
            "name is ",
            "call me ",
            "named him ",
            "named her ",
            "follow up with ",
            "name: ",
            "name:  ",
            "name:    ");

    /** "my name is lena andersson": names typed in lower case, only right after an unambiguous cue. */
    private static void lowerCaseAfterStrongCue(ScanText t, List<Words.Word> words, List<PrivacyItem> out) {
        // Only cues that occur in the text can precede a word.
        List<String> cues = new java.util.ArrayList<>(STRONG_CUES.size());
        for (String c : STRONG_CUES) {
            if (t.containsLower(c, 0, t.text.length())) {
                cues.add(c);
            }
        }
        if (cues.isEmpty()) {
            return;
        }
        boolean[] cued = cuedWords(t, words, cues);
        for (int i = 0; i < words.size(); i++) {
            Words.Word w = words.get(i);
            if (!cued[i] || w.capitalized() || w.allCaps() || Gazetteers.NOT_NAMES.contains(w.lower())) {
                continue;
            }
            int end = w.end();
            int j = i + 1;
            while (j < words.size()
                    && j - i < 3
                    && Words.adjacent(t.text, words.get(j - 1), words.get(j))
                    && !Gazetteers.NOT_NAMES.contains(words.get(j).lower())) {
                end = words.get(j).end();
                j++;
            }
            out.add(PrivacyItem.of("PERSON", PiiClass.PERSON, w.start(), end, 0.75, "name-cue"));
            i = j - 1;
        }
    }

    /**
     * Which words a cue ends right before, with the cue starting no earlier than its own length before the end of
     * the previous word: found from the cues' occurrences instead of trying every cue at every word.
     */
    private static boolean[] cuedWords(ScanText t, List<Words.Word> words, List<String> cues) {
        boolean[] cued = new boolean[words.size()];
        int[] starts = new int[words.size()];
        for (int k = 0; k < starts.length; k++) {
            starts[k] = words.get(k).start();
        }
        String l = t.lowerString();
        for (String c : cues) {
            for (int at = l.indexOf(c); at >= 0; at = l.indexOf(c, at + 1)) {
                int k = java.util.Arrays.binarySearch(starts, at + c.length());
                if (k < 0) {
                    continue;
                }
                int gapStart = k > 0 ? words.get(k - 1).end() : 0;
                if (at >= gapStart - c.length()) {
                    cued[k] = true;
                }
            }
        }
        return cued;
    }

    private static boolean isInitialStart(List<Words.Word> words, int i, String s) {
        return false;
    }

    private static boolean organizationOrPlace(List<Words.Word> words, int a, int b, String s) {
        StringBuilder joined = new StringBuilder();
        for (int k = a; k < b; k++) {
            String l = words.get(k).lower();
            if (Gazetteers.ORG_WORDS.contains(l)) {
                return true;
            }
            if (k > a) {
                joined.append(' ');
            }
            joined.append(l);
        }
        String all = joined.toString();
        if (b - a == 1) {
            return Gazetteers.COUNTRIES.contains(all) || Gazetteers.STATES_AND_CITIES.contains(all);
        }
        return Gazetteers.MULTI_WORD_PLACES.contains(all);
    }

    private static double score(ScanText t, List<Words.Word> words, int a, int b) {
        String s = t.text;
        Words.Word first = words.get(a);
        int n = b - a;
        boolean given = Gazetteers.GIVEN_NAMES.contains(first.lower());
        boolean honorific = a > 0
                && Gazetteers.HONORIFICS.contains(words.get(a - 1).lower())
                && first.start() - words.get(a - 1).end() <= 2;
        if (honorific) {
            return 0.9;
        }
        boolean cueBefore = endsWithCue(t, first.start());
        boolean cueAfter = startsWithCue(t, words.get(b - 1).end());
        if (n >= 2) {
            return given ? 0.9 : cueBefore ? 0.85 : 0.7;
        }
        if (given) {
            return cueBefore || cueAfter ? 0.85 : 0.7;
        }
        if (cueBefore && !Words.sentenceStart(s, first)) {
            return 0.75;
        }
        if (cueAfter && Words.sentenceStart(s, first) && first.end() - first.start() >= 3) {
            return 0.6;
        }
        if (!Words.sentenceStart(s, first) && first.end() - first.start() >= 3) {
            return 0.5; // a capitalized word inside a sentence is a proper noun; most are names
        }
        return 0;
    }

    private static boolean endsWithCue(ScanText t, int pos) {
        char[] l = t.lower();
        for (String cue : CUES_BEFORE) {
            int from = pos - cue.length();
            if (from >= 0 && ScanText.indexOf(l, cue, from, pos) == from) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithCue(ScanText t, int pos) {
        char[] l = t.lower();
        for (String cue : CUES_AFTER) {
            if (pos + cue.length() <= l.length && ScanText.indexOf(l, cue, pos, pos + cue.length()) == pos) {
                return true;
            }
        }
        return false;
    }
}
