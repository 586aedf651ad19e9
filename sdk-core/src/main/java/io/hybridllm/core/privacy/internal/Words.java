package io.hybridllm.core.privacy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits a text into words (letters with inner apostrophes or hyphens) for the name and place recognizers. */
final class Words {
    private Words() {}

    /**
     * A word of a text. Its lower-case form is built on first use: most words of a prompt are never looked up in a
     * gazetteer (only capitalized ones and their neighbours are), so most words never allocate a string.
     */
    static final class Word {
        private final String text;
        private final int start;
        private final int end;
        private final boolean capitalized;
        private final boolean allCaps;
        private String lower;

        Word(String text, int start, int end, boolean capitalized, boolean allCaps) {
            this.text = text;
            this.start = start;
            this.end = end;
            this.capitalized = capitalized;
            this.allCaps = allCaps;
        }

        int start() {
            return start;
        }

        int end() {
            return end;
        }

        boolean capitalized() {
            return capitalized;
        }

        boolean allCaps() {
            return allCaps;
        }

        /** The word lower-cased with {@link Locale#ROOT}. */
        String lower() {
            String l = lower;
            if (l == null) {
                l = lowerOf(text, start, end);
                lower = l;
            }
            return l;
        }

        @Override
        public String toString() {
            return "Word[" + start + ", " + end + ", " + lower() + "]";
        }
    }

    static List<Word> of(String s) {
        List<Word> out = new ArrayList<>(Math.max(10, s.length() / 6));
        int n = s.length();
        int i = 0;
        while (i < n) {
            if (!Character.isLetter(s.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            boolean ascii = true;
            int lowers = 0;
            while (i < n) {
                char c = s.charAt(i);
                if (c < 128) {
                    if (c >= 'a' && c <= 'z') {
                        lowers++;
                        i++;
                        continue;
                    }
                    if (c >= 'A' && c <= 'Z') {
                        i++;
                        continue;
                    }
                }
                if (Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
                    ascii &= c < 128;
                    i++;
                } else if ((c == '\'' || c == '’' || c == '-') && i + 1 < n && Character.isLetter(s.charAt(i + 1))) {
                    ascii &= c < 128;
                    i++;
                } else {
                    break;
                }
            }
            if (ascii) {
                // ASCII letters, apostrophes and hyphens: case tests and lower-casing without the general paths.
                int len = i - start;
                boolean cap = s.charAt(start) <= 'Z';
                boolean allCaps = cap && len > 1 && lowers == 0;
                boolean capitalized = cap && (len == 1 || !allCaps);
                out.add(new Word(s, start, i, capitalized, allCaps));
                continue;
            }
            String w = s.substring(start, i);
            boolean cap = Character.isUpperCase(w.charAt(0));
            boolean allCaps = cap && w.length() > 1 && upperCase(w);
            boolean capitalized = cap && (w.length() == 1 || !allCaps);
            out.add(new Word(s, start, i, capitalized, allCaps));
        }
        return out;
    }

    /** {@code s.substring(start, end).toLowerCase(Locale.ROOT)}, ASCII words without the general path. */
    static String lowerOf(String s, int start, int end) {
        int firstUpper = -1;
        for (int k = start; k < end; k++) {
            char c = s.charAt(k);
            if (c >= 128) {
                return s.substring(start, end).toLowerCase(Locale.ROOT);
            }
            if (firstUpper < 0 && c >= 'A' && c <= 'Z') {
                firstUpper = k;
            }
        }
        if (firstUpper < 0) {
            return s.substring(start, end);
        }
        char[] l = new char[end - start];
        for (int k = start; k < end; k++) {
            char c = s.charAt(k);
            l[k - start] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return new String(l);
    }

    /** Whether upper-casing leaves {@code w} unchanged; ASCII words are checked without building a copy. */
    private static boolean upperCase(String w) {
        for (int k = 0; k < w.length(); k++) {
            char c = w.charAt(k);
            if (c >= 128) {
                return w.equals(w.toUpperCase(Locale.ROOT));
            }
            if (c >= 'a' && c <= 'z') {
                return false;
            }
        }
        return true;
    }

    /** Whether only spaces (at most two) or an initial's dot and a space separate a and b. */
    static boolean adjacent(String s, Word a, Word b) {
        int gap = b.start() - a.end();
        if (gap == 1) {
            return s.charAt(a.end()) == ' ';
        }
        if (gap == 2) {
            return s.charAt(a.end()) == '.' && s.charAt(a.end() + 1) == ' ' && a.end() - a.start() == 1
                    || s.charAt(a.end()) == ' ' && s.charAt(a.end() + 1) == ' ';
        }
        return false;
    }

    /** Whether the word starts a sentence or a line. */
    static boolean sentenceStart(String s, Word w) {
        int p = w.start() - 1;
        while (p >= 0 && (s.charAt(p) == ' ' || s.charAt(p) == '"' || s.charAt(p) == '\'' || s.charAt(p) == '(')) {
            p--;
        }
        if (p < 0) {
            return true;
        }
        char c = s.charAt(p);
        return c == '.' || c == '!' || c == '?' || c == '\n' || c == '\r' || c == '>';
    }
}
