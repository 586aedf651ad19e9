package io.hybridllm.core.privacy.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which ASCII characters, after which ASCII character, a match of a pattern may start with. Derived from the pattern
 * itself: an anchored attempt on just those one or two characters that fails without reaching the end of the input
 * fails whatever follows, so a scan may skip such positions and still find exactly what {@code find()} finds.
 * Immutable and thread-safe.
 */
final class StartTable {
    private static final int ASCII = 128;
    private static final Map<String, StartTable> CACHE = new ConcurrentHashMap<>();
    private static final StartTable NONE = new StartTable(new boolean[0], new boolean[0]);

    /** {@code first[c]}: a match may start with c at the start of the text. */
    private final boolean[] first;
    /** {@code after[prev * 128 + c]}: a match may start with c right after prev. */
    private final boolean[] after;

    /** No match starts right after an ASCII letter or digit: only {@link ScanText#tokenStarts()} need a look. */
    final boolean tokenStartsOnly;

    private StartTable(boolean[] first, boolean[] after) {
        this.first = first;
        this.after = after;
        boolean onlyTokenStarts = after.length > 0;
        for (int prev = 0; prev < ASCII && onlyTokenStarts; prev++) {
            if (ScanText.asciiAlnum((char) prev)) {
                for (int c = 0; c < ASCII; c++) {
                    if (after[prev * ASCII + c]) {
                        onlyTokenStarts = false;
                        break;
                    }
                }
            }
        }
        this.tokenStartsOnly = onlyTokenStarts;
    }

    /**
     * The table of {@code p}, or null when it cannot be derived safely: positive look-behinds and {@code \G} depend
     * on more than the previous character, and patterns that may match the empty string start anywhere.
     */
    static StartTable of(Pattern p) {
        String regex = p.pattern();
        if (regex.contains("(?<=") || regex.contains("\\G") || (p.flags() & Pattern.CANON_EQ) != 0) {
            return null;
        }
        StartTable t = CACHE.computeIfAbsent(p.flags() + "/" + regex, k -> derive(p));
        return t == NONE ? null : t;
    }

    private static StartTable derive(Pattern p) {
        boolean[] first = new boolean[ASCII];
        boolean[] after = new boolean[ASCII * ASCII];
        // Word boundaries are the only start conditions here that a previous character can turn from false to
        // true; without them a character that cannot start a match at the start of the text cannot start one later.
        String regex = p.pattern();
        boolean boundaries = regex.contains("\\b") || regex.contains("\\B");
        Matcher m = p.matcher("");
        char[] two = new char[2];
        for (int c = 0; c < ASCII; c++) {
            m.reset(String.valueOf((char) c)).useTransparentBounds(true).useAnchoringBounds(false);
            if (m.lookingAt()) {
                if (m.end() == 0) {
                    return NONE;
                }
                first[c] = true;
            } else {
                first[c] = m.hitEnd();
            }
        }
        for (int c = 0; c < ASCII; c++) {
            if (!first[c] && !boundaries) {
                continue;
            }
            two[1] = (char) c;
            for (int prev = 0; prev < ASCII; prev++) {
                two[0] = (char) prev;
                m.reset(new String(two))
                        .useTransparentBounds(true)
                        .useAnchoringBounds(false)
                        .region(1, 2);
                boolean may;
                if (m.lookingAt()) {
                    if (m.end() == 1) {
                        return NONE;
                    }
                    may = true;
                } else {
                    may = m.hitEnd();
                }
                after[prev * ASCII + c] = may;
            }
        }
        return new StartTable(first, after);
    }

    /** Whether a match of the pattern may start at {@code i} of {@code s}. */
    boolean mayStart(String s, int i) {
        char c = s.charAt(i);
        if (c >= ASCII) {
            return true;
        }
        if (i == 0) {
            return first[c];
        }
        char prev = s.charAt(i - 1);
        return prev >= ASCII || after[prev * ASCII + c];
    }

    /**
     * The next match of {@code m} in [{@code from}, {@code to}) exactly as a {@code find()} from {@code from} over
     * that region would report it (transparent, non-anchoring bounds), trying only positions where {@code table}
     * allows a start (every position when it is null). Returns whether one was found; {@code m} then holds it.
     */
    static boolean find(Matcher m, StartTable table, String s, int from, int to) {
        return find(m, table, null, s, from, to);
    }

    /**
     * As {@link #find(Matcher, StartTable, String, int, int)}, also skipping starts {@code facts} rule out, and
     * trying only the token starts of {@code t} when the table allows no other.
     */
    static boolean find(Matcher m, StartTable table, RegexFacts facts, ScanText t, int from, int to) {
        if (table == null || !table.tokenStartsOnly) {
            return find(m, table, facts, t.text, from, to);
        }
        String s = t.text;
        int[] tokens = t.tokenStarts();
        for (int k = ScanText.firstAtLeast(tokens, from); k < tokens.length && tokens[k] < to; k++) {
            int p = tokens[k];
            if (table.mayStart(s, p) && (facts == null || facts.mayStartAt(s, p, to))) {
                m.region(p, to);
                if (m.lookingAt()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** As {@link #find(Matcher, StartTable, String, int, int)}, also skipping starts {@code facts} rule out. */
    static boolean find(Matcher m, StartTable table, RegexFacts facts, String s, int from, int to) {
        if (table == null) {
            m.region(from, to);
            return m.find();
        }
        for (int p = from; p < to; p++) {
            if (table.mayStart(s, p) && (facts == null || facts.mayStartAt(s, p, to))) {
                m.region(p, to);
                if (m.lookingAt()) {
                    return true;
                }
            }
        }
        return false;
    }
}
