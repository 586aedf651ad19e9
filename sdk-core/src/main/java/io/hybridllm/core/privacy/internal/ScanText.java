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

    /** The text lower-cased char by char (same length and offsets as the text). */
    char[] lower() {
        if (lower == null) {
            char[] l = new char[text.length()];
            for (int i = 0; i < l.length; i++) {
                l[i] = Character.toLowerCase(text.charAt(i));
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
        for (String w : words) {
            if (indexOf(l, w, from, pos) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code word} (lower case) occurs in [from, to). */
    boolean containsLower(String word, int from, int to) {
        return indexOf(lower(), word, Math.max(0, from), Math.min(text.length(), to)) >= 0;
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
