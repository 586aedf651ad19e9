package io.hybridllm.core.privacy.internal;

import java.util.List;

/** A text being scanned, with facts computed once and shared by all recognizers. Not thread-safe. */
final class ScanText {
    private static final int CONTEXT_BEFORE = 48;
    private static final int CONTEXT_AFTER = 24;

    final String text;
    final int digits;
    final boolean hasUpper;
    private char[] lower;
    private String lowerString;
    private List<Words.Word> words;
    private int[] digitWindows;
    private int[] maxRuns;
    private long presentLo;
    private long presentHi;

    /** Chars around a digit cluster that a match may still span (letters of an id, street words before a number). */
    static final int MARGIN = 24;

    ScanText(String text) {
        this.text = text;
        int d = 0;
        boolean upper = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                d++;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
            }
        }
        this.digits = d;
        this.hasUpper = upper;
    }

    /**
     * Disjoint windows {@code [start, end, digitCount]} around clusters of digits (digits at most three chars apart),
     * widened by {@link #MARGIN}. A match that contains a digit lies inside one window, so digit patterns only run
     * there: prose without numbers costs them nothing.
     */
    int[] digitWindows() {
        if (digitWindows == null) {
            int[] w = new int[12];
            int count = 0;
            int n = text.length();
            int clusterStart = -1;
            int last = -10;
            int digitsIn = 0;
            for (int i = 0; i <= n; i++) {
                boolean digit = i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9';
                if (i == n || digit && i - last > 3) {
                    if (clusterStart >= 0) {
                        int ws = Math.max(0, clusterStart - MARGIN);
                        int we = Math.min(n, last + 1 + MARGIN);
                        if (count > 0 && ws <= w[count - 2]) {
                            w[count - 2] = we;
                            w[count - 1] += digitsIn;
                        } else {
                            if (count + 3 > w.length) {
                                w = java.util.Arrays.copyOf(w, w.length * 2);
                            }
                            w[count] = ws;
                            w[count + 1] = we;
                            w[count + 2] = digitsIn;
                            count += 3;
                        }
                    }
                    clusterStart = i;
                    digitsIn = 0;
                }
                if (digit) {
                    last = i;
                    digitsIn++;
                }
            }
            digitWindows = java.util.Arrays.copyOf(w, count);
        }
        return digitWindows;
    }

    private int[] digitRunStarts;
    private int[] tokenStarts;

    static boolean asciiAlnum(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    /**
     * Positions that do not follow an ASCII letter or digit (the start of the text included), and positions of
     * non-ASCII chars, in order: the only places where a pattern whose start table rules out an ASCII letter or
     * digit before an ASCII start may start (start tables let any non-ASCII char start, and any char start after
     * one).
     */
    int[] tokenStarts() {
        if (maxRuns == null) {
            index();
        }
        return tokenStarts;
    }

    /**
     * Positions of an ASCII digit that does not follow a digit ({@link Character#isDigit}), in order: where digit
     * patterns and street numbers may start.
     */
    int[] digitRunStarts() {
        if (maxRuns == null) {
            index();
        }
        return digitRunStarts;
    }

    /** The index of the first entry of {@code sorted} that is at least {@code from}. */
    static int firstAtLeast(int[] sorted, int from) {
        int k = java.util.Arrays.binarySearch(sorted, from);
        return k >= 0 ? k : -k - 1;
    }

    /** The longest run of chars of {@code RegexFacts.CharClass.ALL[cls]} in the text. */
    int maxRun(int cls) {
        if (maxRuns == null) {
            index();
        }
        return maxRuns[cls];
    }

    /** ASCII chars 0-63 that occur in the text, as bits. */
    long presentLo() {
        if (maxRuns == null) {
            index();
        }
        return presentLo;
    }

    /** ASCII chars 64-127 that occur in the text, as bits. */
    long presentHi() {
        if (maxRuns == null) {
            index();
        }
        return presentHi;
    }

    /**
     * One pass: the longest run of each char class (work only where a class's run starts or ends, not for every
     * class at every char), which ASCII chars occur, the token starts and the digit-run starts.
     */
    private void index() {
        int[] tokens = new int[Math.max(16, text.length() / 4)];
        int tokenCount = 0;
        int[] digitStarts = new int[16];
        int digitStartCount = 0;
        boolean prevAlnum = false;
        boolean prevDigit = false;
        int k = RegexFacts.CharClass.COUNT;
        int[] max = new int[k];
        int[] runStart = new int[k];
        int open = 0;
        long lo = 0;
        long hi = 0;
        String s = text;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            int in;
            if (c < 64) {
                lo |= 1L << c;
                in = CLASSES_OF[c];
            } else if (c < 128) {
                hi |= 1L << (c - 64);
                in = CLASSES_OF[c];
            } else {
                in = NON_ASCII_CLASSES;
            }
            if (!prevAlnum || c >= 128) {
                if (tokenCount == tokens.length) {
                    tokens = java.util.Arrays.copyOf(tokens, tokenCount * 2);
                }
                tokens[tokenCount++] = i;
            }
            prevAlnum = (in & ALNUM_BIT) != 0 && c < 128;
            if ((in & DIGIT_BIT) != 0 && c < 128) {
                if (!prevDigit) {
                    if (digitStartCount == digitStarts.length) {
                        digitStarts = java.util.Arrays.copyOf(digitStarts, digitStartCount * 2);
                    }
                    digitStarts[digitStartCount++] = i;
                }
                prevDigit = true;
            } else {
                prevDigit = c >= 128 && Character.isDigit(c);
            }
            if (in == open) {
                continue;
            }
            for (int ended = open & ~in; ended != 0; ended &= ended - 1) {
                int cls = Integer.numberOfTrailingZeros(ended);
                max[cls] = Math.max(max[cls], i - runStart[cls]);
            }
            for (int started = in & ~open; started != 0; started &= started - 1) {
                runStart[Integer.numberOfTrailingZeros(started)] = i;
            }
            open = in;
        }
        for (int ended = open; ended != 0; ended &= ended - 1) {
            int cls = Integer.numberOfTrailingZeros(ended);
            max[cls] = Math.max(max[cls], n - runStart[cls]);
        }
        presentLo = lo;
        presentHi = hi;
        tokenStarts = java.util.Arrays.copyOf(tokens, tokenCount);
        digitRunStarts = java.util.Arrays.copyOf(digitStarts, digitStartCount);
        maxRuns = max;
    }

    private static final int ALNUM_BIT = 1 << RegexFacts.CharClass.ALNUM.index;
    private static final int DIGIT_BIT = 1 << RegexFacts.CharClass.DIGIT.index;

    /** For each ASCII char, the char classes (bits by index) that hold it. */
    private static final int[] CLASSES_OF = new int[128];

    private static final int NON_ASCII_CLASSES;

    static {
        int nonAscii = 0;
        for (RegexFacts.CharClass cls : RegexFacts.CharClass.ALL) {
            for (char c = 0; c < 128; c++) {
                if (cls.contains(c)) {
                    CLASSES_OF[c] |= 1 << cls.index;
                }
            }
            if (cls.nonAscii) {
                nonAscii |= 1 << cls.index;
            }
        }
        NON_ASCII_CLASSES = nonAscii;
    }

    /** The words of the text, split once for the name and place recognizers. */
    List<Words.Word> words() {
        if (words == null) {
            words = Words.of(text);
        }
        return words;
    }

    /** The text lower-cased char by char (same length and offsets as the text). */
    char[] lower() {
        if (lower == null) {
            char[] l = new char[text.length()];
            for (int i = 0; i < l.length; i++) {
                char c = text.charAt(i);
                l[i] = c < 128 ? c >= 'A' && c <= 'Z' ? (char) (c + 32) : c : Character.toLowerCase(c);
            }
            lower = l;
        }
        return lower;
    }

    /** Whether one of {@code words} (lower case) occurs a few words before or after [start, end). */
    boolean hasContext(int start, int end, List<String> words) {
        if (words.isEmpty()) {
            return false;
        }
        int from = Math.max(0, start - CONTEXT_BEFORE);
        int to = Math.min(text.length(), end + CONTEXT_AFTER);
        char[] l = lower();
        for (String w : words) {
            if (indexOf(l, w, from, start) >= 0 || indexOf(l, w, end, to) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether one of {@code words} (lower case) occurs in the {@code window} chars before {@code pos}. */
    boolean hasContextBefore(int pos, List<String> words, int window) {
        int from = Math.max(0, pos - window);
        char[] l = lower();
        // A cue must start a word: "at " is a cue, the end of "What " is not. So only word starts are tried.
        for (int at = from; at < pos; at++) {
            if (at > 0 && Character.isLetterOrDigit(l[at - 1])) {
                continue;
            }
            char first = l[at];
            for (String w : words) {
                int n = w.length();
                if (!w.isEmpty() && w.charAt(0) == first && at + n <= pos && regionMatches(l, at, w)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean regionMatches(char[] hay, int at, String needle) {
        for (int j = 1; j < needle.length(); j++) {
            if (hay[at + j] != needle.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    /** The text lower-cased char by char, as a string (same length and offsets as the text). */
    String lowerString() {
        if (lowerString == null) {
            lowerString = new String(lower());
        }
        return lowerString;
    }

    private java.util.Map<String, Boolean> anywhere;

    /** Whether {@code word} (lower case, not empty) occurs anywhere in the text; remembered per word. */
    boolean containsAnywhere(String word) {
        if (anywhere == null) {
            anywhere = new java.util.HashMap<>();
        }
        Boolean known = anywhere.get(word);
        if (known == null) {
            known = mayContain(word) && lowerString().indexOf(word) >= 0;
            anywhere.put(word, known);
        }
        return known;
    }

    /** Hashes of the char triples of the lower-case text, as bits: a word with a triple not there does not occur. */
    private long[] triples;

    private static final int TRIPLE_BITS = 1 << 16;

    private boolean mayContain(String word) {
        if (word.length() < 3) {
            return true;
        }
        if (triples == null) {
            long[] bits = new long[TRIPLE_BITS / 64];
            char[] l = lower();
            for (int i = 0; i + 2 < l.length; i++) {
                int h = triple(l[i], l[i + 1], l[i + 2]);
                bits[h >>> 6] |= 1L << h;
            }
            triples = bits;
        }
        for (int i = 0; i + 2 < word.length(); i++) {
            int h = triple(word.charAt(i), word.charAt(i + 1), word.charAt(i + 2));
            if ((triples[h >>> 6] & (1L << h)) == 0) {
                return false;
            }
        }
        return true;
    }

    private static int triple(char a, char b, char c) {
        return (a * 961 + b * 31 + c) * 0x9E3779B1 >>> 16;
    }

    /** Whether {@code word} (lower case) occurs in [from, to). */
    boolean containsLower(String word, int from, int to) {
        if (from <= 0 && to >= text.length() && !word.isEmpty()) {
            return containsAnywhere(word);
        }
        if (to < text.length() && !word.isEmpty()) {
            // Bounded: an occurrence ending by `to` is found without searching the rest of the text.
            return indexOf(lower(), word, Math.max(0, from), Math.max(0, to)) >= 0;
        }
        int at = lowerString().indexOf(word, Math.max(0, from));
        return at >= 0 && at + word.length() <= Math.min(text.length(), to);
    }

    static int indexOf(char[] hay, String needle, int from, int to) {
        int n = needle.length();
        char first = needle.charAt(0);
        outer:
        for (int i = from; i <= to - n; i++) {
            if (hay[i] != first) {
                continue;
            }
            for (int j = 1; j < n; j++) {
                if (hay[i + j] != needle.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
