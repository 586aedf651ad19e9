package io.hybridllm.core.privacy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Necessary conditions for a match of a pattern, derived from the pattern text: the least length of a match, the
 * ASCII characters that may stand at each of its first offsets, runs of characters of a {@link CharClass} and
 * single characters that every match holds, and the least number of digits in a match. Every condition
 * over-approximates what the pattern can match (look-arounds and back-references only widen it), so skipping a
 * text or a start position that fails one never loses a match. Patterns with syntax or flags this parser does not
 * know get no facts ({@link #of} returns null). Immutable and thread-safe.
 */
final class RegexFacts {
    /** Offsets checked before a match attempt. */
    static final int OFFSETS = 48;

    private static final Map<String, RegexFacts> CACHE = new ConcurrentHashMap<>();
    private static final RegexFacts NONE = new RegexFacts(0, new long[0], new long[0], new int[0], 0, 0, 0, null, -1);
    private static final int UNSUPPORTED_FLAGS = Pattern.UNICODE_CASE
            | Pattern.UNICODE_CHARACTER_CLASS
            | Pattern.COMMENTS
            | Pattern.LITERAL
            | Pattern.CANON_EQ
            | Pattern.UNIX_LINES;

    /** Least length of a match, in chars. */
    final int minLength;
    /** Per offset below {@code min(minLength, OFFSETS)}: the ASCII chars allowed there (two 64-bit halves). */
    private final long[] allowedLo;

    private final long[] allowedHi;
    /** Per {@link CharClass}: the length of a run of its chars that every match holds (0: none). */
    private final int[] runs;
    /** The classes with a run of more than one char to check, and those lengths. */
    private final int[] runClasses;

    private final int[] runLengths;
    /** ASCII chars that every match holds. */
    private final long requiredLo;

    private final long requiredHi;
    /** Least number of ASCII digits in a match. */
    final int minDigits;
    /**
     * A char every match holds at a fixed place of its top-level sequence ({@code @} of an e-mail address), or -1;
     * all chars before it come from {@link #leadLo}/{@link #leadHi} (and non-ASCII ones if {@link #leadNonAscii}),
     * which do not hold it.
     */
    private final int stopChar;

    private final long leadLo;
    private final long leadHi;
    private final boolean leadNonAscii;

    private RegexFacts(
            int minLength,
            long[] allowedLo,
            long[] allowedHi,
            int[] runs,
            long requiredLo,
            long requiredHi,
            int minDigits,
            CharSet lead,
            int stopChar) {
        this.stopChar = lead == null ? -1 : stopChar;
        this.leadLo = lead == null ? 0 : lead.lo;
        this.leadHi = lead == null ? 0 : lead.hi;
        this.leadNonAscii = lead != null && lead.nonAscii;
        this.minLength = minLength;
        this.allowedLo = allowedLo;
        this.allowedHi = allowedHi;
        this.runs = runs;
        int needed = 0;
        for (int r : runs) {
            if (r > 1) {
                needed++;
            }
        }
        this.runClasses = new int[needed];
        this.runLengths = new int[needed];
        for (int k = 0, j = 0; k < runs.length; k++) {
            if (runs[k] > 1) {
                runClasses[j] = k;
                runLengths[j++] = runs[k];
            }
        }
        this.requiredLo = requiredLo;
        this.requiredHi = requiredHi;
        this.minDigits = minDigits;
    }

    /** The facts of {@code p}, or null when its syntax or flags are not understood here. */
    static RegexFacts of(Pattern p) {
        if ((p.flags() & UNSUPPORTED_FLAGS) != 0) {
            return null;
        }
        RegexFacts f = CACHE.computeIfAbsent(p.flags() + "/" + p.pattern(), k -> derive(p));
        return f == NONE ? null : f;
    }

    private static RegexFacts derive(Pattern p) {
        Node root;
        try {
            root = new Parser(p.pattern(), p.flags()).parseAll();
        } catch (Unsupported | RuntimeException e) {
            return NONE;
        }
        int min = root.minLength();
        int checked = Math.min(min, OFFSETS);
        long[] lo = new long[OFFSETS];
        long[] hi = new long[OFFSETS];
        Offsets o = new Offsets(lo, hi);
        o.apply(root, 1L);
        for (int j = o.cutoff; j < OFFSETS; j++) {
            lo[j] = -1L;
            hi[j] = -1L;
        }
        int[] runs = new int[CharClass.COUNT];
        for (int k = 0; k < CharClass.COUNT; k++) {
            runs[k] = root.run(CharClass.ALL[k]).guaranteed();
        }
        long[] req = root.required();
        int[] stop = {-1};
        CharSet lead = lead(root, stop);
        return new RegexFacts(
                min,
                java.util.Arrays.copyOf(lo, checked),
                java.util.Arrays.copyOf(hi, checked),
                runs,
                req[0],
                req[1],
                root.count(CharClass.DIGIT),
                lead,
                stop[0]);
    }

    /**
     * The chars that may come before the first single-char item of the top-level sequence, with that char in
     * {@code stop[0]}; null when there is no such item, when something before it is a back-reference, or when
     * those chars may include it.
     */
    private static CharSet lead(Node root, int[] stop) {
        if (!(root instanceof Seq seq)) {
            return null;
        }
        long[] m = new long[3];
        for (Node item : seq.items) {
            if (item instanceof CharSet c
                    && !c.nonAscii
                    && Long.bitCount(c.lo) + Long.bitCount(c.hi) == 1
                    && (m[0] & c.lo) == 0
                    && (m[1] & c.hi) == 0) {
                stop[0] = c.lo != 0 ? Long.numberOfTrailingZeros(c.lo) : 64 + Long.numberOfTrailingZeros(c.hi);
                return new CharSet(m[0], m[1], m[2] != 0);
            }
            if (!consumable(item, m)) {
                return null;
            }
        }
        return null;
    }

    /** Adds every char {@code n} may consume to {lo, hi, nonAscii}; false for a back-reference. */
    private static boolean consumable(Node n, long[] m) {
        if (n instanceof CharSet c) {
            m[0] |= c.lo;
            m[1] |= c.hi;
            m[2] |= c.nonAscii ? 1 : 0;
            return true;
        }
        if (n instanceof Seq s) {
            for (Node i : s.items) {
                if (!consumable(i, m)) {
                    return false;
                }
            }
            return true;
        }
        if (n instanceof Alt a) {
            for (Node b : a.branches) {
                if (!consumable(b, m)) {
                    return false;
                }
            }
            return true;
        }
        if (n instanceof Repeat r) {
            return consumable(r.body, m);
        }
        return n instanceof Zero;
    }

    /** Whether the text may hold a match: its runs, characters and digits allow one. */
    boolean possibleIn(ScanText t) {
        if (t.text.length() < minLength || t.digits < minDigits) {
            return false;
        }
        if ((requiredLo & ~t.presentLo()) != 0 || (requiredHi & ~t.presentHi()) != 0) {
            return false;
        }
        for (int k = 0; k < runClasses.length; k++) {
            if (t.maxRun(runClasses[k]) < runLengths[k]) {
                return false;
            }
        }
        return true;
    }

    /** Whether a match may start at {@code p} and end by {@code to}, judged by the chars at its first offsets. */
    boolean mayStartAt(String s, int p, int to) {
        if (to - p < minLength) {
            return false;
        }
        long[] lo = allowedLo;
        long[] hi = allowedHi;
        for (int j = 0; j < lo.length; j++) {
            char c = s.charAt(p + j);
            if (c < 64) {
                if ((lo[j] & (1L << c)) == 0) {
                    return false;
                }
            } else if (c < 128 && (hi[j] & (1L << (c - 64))) == 0) {
                return false;
            }
        }
        if (stopChar >= 0) {
            // The first char outside the lead set must be the stop char.
            for (int i = p; i < to; i++) {
                char c = s.charAt(i);
                boolean inLead =
                        c < 64 ? (leadLo & (1L << c)) != 0 : c < 128 ? (leadHi & (1L << (c - 64))) != 0 : leadNonAscii;
                if (!inLead) {
                    return c == stopChar;
                }
            }
            return false;
        }
        return true;
    }

    /** The run of {@code cls} chars every match holds (for tests). */
    int run(CharClass cls) {
        return runs[cls.index];
    }

    // ---------------------------------------------------------------------------------------------------------
    // Character classes whose runs are counted once per text.

    /** A set of chars whose longest run in a text {@link ScanText#maxRun} counts. */
    enum CharClass {
        DIGIT("0-9", false),
        HEX("0-9A-Fa-f", false),
        UPPER_ALNUM("A-Z0-9", false),
        ALNUM("A-Za-z0-9", false),
        TOKEN("A-Za-z0-9_\\-", false),
        BASE64("A-Za-z0-9+/=_\\-", false),
        NON_SPACE("", true);

        static final CharClass[] ALL = values();
        static final int COUNT = ALL.length;

        final int index = ordinal();
        final long lo;
        final long hi;
        final boolean nonAscii;

        CharClass(String ranges, boolean complementOfSpace) {
            long[] m = new long[2];
            if (complementOfSpace) {
                m[0] = -1L;
                m[1] = -1L;
                for (char c : " \t\n\u000B\f\r".toCharArray()) {
                    clear(m, c);
                }
            } else {
                for (int i = 0; i < ranges.length(); i++) {
                    char a = ranges.charAt(i);
                    if (a == '\\') {
                        a = ranges.charAt(++i);
                    }
                    if (i + 2 < ranges.length() && ranges.charAt(i + 1) == '-') {
                        char b = ranges.charAt(i + 2);
                        for (char c = a; c <= b; c++) {
                            set(m, c);
                        }
                        i += 2;
                    } else {
                        set(m, a);
                    }
                }
            }
            this.lo = m[0];
            this.hi = m[1];
            this.nonAscii = complementOfSpace;
        }

        boolean contains(char c) {
            if (c >= 128) {
                return nonAscii;
            }
            return c < 64 ? (lo & (1L << c)) != 0 : (hi & (1L << (c - 64))) != 0;
        }
    }

    private static void set(long[] m, int c) {
        if (c < 64) {
            m[0] |= 1L << c;
        } else if (c < 128) {
            m[1] |= 1L << (c - 64);
        }
    }

    private static void clear(long[] m, int c) {
        if (c < 64) {
            m[0] &= ~(1L << c);
        } else if (c < 128) {
            m[1] &= ~(1L << (c - 64));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // The syntax tree: sets of chars, sequences, alternatives, repetitions, zero-width items, back-references.

    /** A guaranteed run of one class's chars: whole node (full), at its start, at its end, or inside. */
    private record Run(boolean full, int len, int pre, int suf, int inner) {
        static final Run EMPTY = new Run(true, 0, 0, 0, 0);
        static final Run BREAK = new Run(false, 0, 0, 0, 0);

        int guaranteed() {
            return full ? len : Math.max(inner, Math.max(pre, suf));
        }

        int head() {
            return full ? len : pre;
        }

        int tail() {
            return full ? len : suf;
        }
    }

    private abstract static class Node {
        abstract int minLength();

        abstract Run run(CharClass cls);

        /** {lo, hi}: ASCII chars that every match of the node holds. */
        abstract long[] required();

        abstract int count(CharClass cls);
    }

    /** One char of a set; {@code nonAscii}: may match any non-ASCII char, also a surrogate pair. */
    private static final class CharSet extends Node {
        final long lo;
        final long hi;
        final boolean nonAscii;

        CharSet(long lo, long hi, boolean nonAscii) {
            this.lo = lo;
            this.hi = hi;
            this.nonAscii = nonAscii;
        }

        boolean within(CharClass c) {
            return (lo & ~c.lo) == 0 && (hi & ~c.hi) == 0 && (!nonAscii || c.nonAscii);
        }

        @Override
        int minLength() {
            return 1;
        }

        @Override
        Run run(CharClass cls) {
            return within(cls) ? new Run(true, 1, 1, 1, 1) : Run.BREAK;
        }

        @Override
        long[] required() {
            if (!nonAscii && Long.bitCount(lo) + Long.bitCount(hi) == 1) {
                return new long[] {lo, hi};
            }
            return new long[2];
        }

        @Override
        int count(CharClass cls) {
            return within(cls) ? 1 : 0;
        }
    }

    private static final class Seq extends Node {
        final List<Node> items;

        Seq(List<Node> items) {
            this.items = items;
        }

        @Override
        int minLength() {
            long n = 0;
            for (Node i : items) {
                n += i.minLength();
            }
            return (int) Math.min(n, 1 << 20);
        }

        @Override
        Run run(CharClass cls) {
            Run acc = Run.EMPTY;
            for (Node i : items) {
                Run r = i.run(cls);
                if (acc.full && r.full) {
                    acc = new Run(true, cap(acc.len + r.len), 0, 0, 0);
                    continue;
                }
                int pre = acc.full ? cap(acc.len + r.head()) : acc.pre;
                int suf = r.full ? cap(acc.tail() + r.len) : r.suf;
                int inner = Math.max(Math.max(acc.inner, r.inner), cap(acc.tail() + r.head()));
                acc = new Run(false, 0, pre, suf, inner);
            }
            return acc;
        }

        @Override
        long[] required() {
            long[] m = new long[2];
            for (Node i : items) {
                long[] r = i.required();
                m[0] |= r[0];
                m[1] |= r[1];
            }
            return m;
        }

        @Override
        int count(CharClass cls) {
            long n = 0;
            for (Node i : items) {
                n += i.count(cls);
            }
            return (int) Math.min(n, 1 << 20);
        }
    }

    private static final class Alt extends Node {
        final List<Node> branches;

        Alt(List<Node> branches) {
            this.branches = branches;
        }

        @Override
        int minLength() {
            int n = Integer.MAX_VALUE;
            for (Node b : branches) {
                n = Math.min(n, b.minLength());
            }
            return n;
        }

        @Override
        Run run(CharClass cls) {
            boolean full = true;
            int len = Integer.MAX_VALUE;
            int pre = Integer.MAX_VALUE;
            int suf = Integer.MAX_VALUE;
            int inner = Integer.MAX_VALUE;
            for (Node b : branches) {
                Run r = b.run(cls);
                full &= r.full;
                len = Math.min(len, r.full ? r.len : 0);
                pre = Math.min(pre, r.head());
                suf = Math.min(suf, r.tail());
                inner = Math.min(inner, r.guaranteed());
            }
            return full ? new Run(true, len, 0, 0, 0) : new Run(false, 0, pre, suf, inner);
        }

        @Override
        long[] required() {
            long[] m = {-1L, -1L};
            for (Node b : branches) {
                long[] r = b.required();
                m[0] &= r[0];
                m[1] &= r[1];
            }
            return m;
        }

        @Override
        int count(CharClass cls) {
            int n = Integer.MAX_VALUE;
            for (Node b : branches) {
                n = Math.min(n, b.count(cls));
            }
            return n;
        }
    }

    private static final class Repeat extends Node {
        final Node body;
        final int min;
        /** -1: unbounded. */
        final int max;

        Repeat(Node body, int min, int max) {
            this.body = body;
            this.min = min;
            this.max = max;
        }

        @Override
        int minLength() {
            return cap((long) min * body.minLength());
        }

        @Override
        Run run(CharClass cls) {
            Run r = body.run(cls);
            if (min == 0) {
                return r.full ? Run.EMPTY : Run.BREAK;
            }
            if (r.full) {
                return new Run(true, cap((long) min * r.len), 0, 0, 0);
            }
            int inner = Math.max(r.inner, min >= 2 ? cap(r.suf + r.pre) : 0);
            return new Run(false, 0, r.pre, r.suf, inner);
        }

        @Override
        long[] required() {
            return min == 0 ? new long[2] : body.required();
        }

        @Override
        int count(CharClass cls) {
            return cap((long) min * body.count(cls));
        }
    }

    /** Consumes nothing: anchors, boundaries, look-arounds. */
    private static class Zero extends Node {
        @Override
        int minLength() {
            return 0;
        }

        @Override
        Run run(CharClass cls) {
            return Run.EMPTY;
        }

        @Override
        long[] required() {
            return new long[2];
        }

        @Override
        int count(CharClass cls) {
            return 0;
        }
    }

    /**
     * A back-reference: any chars, any length. It guarantees as little as {@link Zero} (no length, chars or counts)
     * but, unlike it, breaks a run of required chars.
     */
    private static final class BackRef extends Zero {
        @Override
        Run run(CharClass cls) {
            return Run.BREAK;
        }
    }

    private static int cap(long n) {
        return (int) Math.min(n, 1 << 20);
    }

    /**
     * The chars allowed at each offset: a walk over the tree with the set of offsets a node may start at (bit j:
     * offset j, bit 63: {@code OFFSETS} or more). From a back-reference on, nothing is known ({@link #cutoff}).
     */
    private static final class Offsets {
        private static final long OVER = 1L << 63;
        private final long[] lo;
        private final long[] hi;
        int cutoff = OFFSETS;

        Offsets(long[] lo, long[] hi) {
            this.lo = lo;
            this.hi = hi;
        }

        long apply(Node n, long at) {
            if (at == 0 || at == OVER) {
                return at;
            }
            if (n instanceof CharSet c) {
                long out = at & OVER;
                for (long b = at & ~OVER; b != 0; b &= b - 1) {
                    int j = Long.numberOfTrailingZeros(b);
                    lo[j] |= c.lo;
                    hi[j] |= c.hi;
                    out |= shift(j + 1);
                    if (c.nonAscii) {
                        out |= shift(j + 2);
                    }
                }
                return out;
            }
            if (n instanceof Seq s) {
                long cur = at;
                for (Node i : s.items) {
                    cur = apply(i, cur);
                }
                return cur;
            }
            if (n instanceof Alt a) {
                long out = 0;
                for (Node b : a.branches) {
                    out |= apply(b, at);
                }
                return out;
            }
            if (n instanceof Repeat r) {
                long cur = at;
                for (int i = 0; i < r.min; i++) {
                    long next = apply(r.body, cur);
                    if (next == cur) {
                        break;
                    }
                    cur = next;
                    if (cur == OVER || cur == 0) {
                        return cur;
                    }
                }
                long acc = cur;
                for (int i = 0; r.max < 0 || i < r.max - r.min; i++) {
                    long next = acc | apply(r.body, acc);
                    if (next == acc) {
                        break;
                    }
                    acc = next;
                }
                return acc;
            }
            if (n instanceof BackRef) {
                int first = Long.numberOfTrailingZeros(at & ~OVER);
                cutoff = Math.min(cutoff, first);
                return (-1L << first) & ((1L << OFFSETS) - 1) | OVER;
            }
            return at;
        }

        private static long shift(int j) {
            return j >= OFFSETS ? OVER : 1L << j;
        }
    }

    /** Thrown for syntax the parser does not handle; the pattern then gets no facts. */
    private static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported(String what) {
            super(what, null, false, false);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // A parser for the java.util.regex syntax that detection patterns use.

    private static final class Parser {
        private final String s;
        private int i;
        private boolean ci;
        private boolean dotAll;

        /**
         * {@code flags}: those of the pattern, which also hold the inline flags of its top level ({@code a(?i)b}
         * reports CASE_INSENSITIVE); case-insensitivity from the start only widens the sets, so that is safe.
         */
        Parser(String s, int flags) {
            this.s = s;
            this.ci = (flags & Pattern.CASE_INSENSITIVE) != 0;
            this.dotAll = (flags & Pattern.DOTALL) != 0;
        }

        Node parseAll() throws Unsupported {
            Node n = alternation();
            if (i != s.length()) {
                throw new Unsupported("unbalanced )");
            }
            return n;
        }

        private Node alternation() throws Unsupported {
            List<Node> branches = new ArrayList<>();
            branches.add(sequence());
            while (i < s.length() && s.charAt(i) == '|') {
                i++;
                branches.add(sequence());
            }
            return branches.size() == 1 ? branches.get(0) : new Alt(branches);
        }

        private Node sequence() throws Unsupported {
            List<Node> items = new ArrayList<>();
            while (i < s.length() && s.charAt(i) != '|' && s.charAt(i) != ')') {
                Node atom = atom();
                if (atom == null) {
                    continue;
                }
                items.add(quantified(atom));
            }
            return new Seq(items);
        }

        private Node quantified(Node atom) throws Unsupported {
            while (i < s.length()) {
                char c = s.charAt(i);
                int min;
                int max;
                if (c == '?') {
                    min = 0;
                    max = 1;
                    i++;
                } else if (c == '*') {
                    min = 0;
                    max = -1;
                    i++;
                } else if (c == '+') {
                    min = 1;
                    max = -1;
                    i++;
                } else if (c == '{') {
                    int close = s.indexOf('}', i);
                    if (close < 0) {
                        throw new Unsupported("{");
                    }
                    String body = s.substring(i + 1, close);
                    int comma = body.indexOf(',');
                    try {
                        if (comma < 0) {
                            min = Integer.parseInt(body);
                            max = min;
                        } else {
                            min = Integer.parseInt(body.substring(0, comma));
                            String m = body.substring(comma + 1);
                            max = m.isEmpty() ? -1 : Integer.parseInt(m);
                        }
                    } catch (NumberFormatException e) {
                        throw new Unsupported("{" + body + "}");
                    }
                    i = close + 1;
                } else {
                    return atom;
                }
                if (i < s.length() && (s.charAt(i) == '?' || s.charAt(i) == '+')) {
                    i++; // lazy or possessive: matches no more than the greedy form
                }
                if (atom instanceof Zero) {
                    continue;
                }
                atom = new Repeat(atom, min, max);
            }
            return atom;
        }

        /** The next atom, or null for an inline flag group that only changes flags. */
        private Node atom() throws Unsupported {
            char c = s.charAt(i++);
            switch (c) {
                case '(':
                    return group();
                case '[':
                    return charClass();
                case '.':
                    return any();
                case '^':
                case '$':
                    return new Zero();
                case '\\':
                    return escape();
                case '*':
                case '+':
                case '?':
                case '{':
                    throw new Unsupported("dangling quantifier");
                default:
                    if (Character.isSurrogate(c)) {
                        throw new Unsupported("surrogate");
                    }
                    return literal(c);
            }
        }

        private Node any() {
            return new CharSet(-1L, -1L, true);
        }

        private Node group() throws Unsupported {
            boolean savedCi = ci;
            boolean savedDotAll = dotAll;
            boolean zero = false;
            if (s.startsWith("?", i)) {
                i++;
                char k = s.charAt(i);
                if (k == ':') {
                    i++;
                } else if (k == '=' || k == '!' || k == '>') {
                    i++;
                    zero = k != '>';
                } else if (k == '<') {
                    char k2 = s.charAt(i + 1);
                    if (k2 == '=' || k2 == '!') {
                        i += 2;
                        zero = true;
                    } else {
                        int close = s.indexOf('>', i);
                        if (close < 0) {
                            throw new Unsupported("group name");
                        }
                        i = close + 1;
                    }
                } else {
                    // Inline flags: (?i) or (?i:...), with an optional '-' part.
                    while (i < s.length() && s.charAt(i) != ')' && s.charAt(i) != ':') {
                        char f = s.charAt(i++);
                        if (f == '-') {
                            // Turning a flag off: the pattern's flags no longer tell how it started.
                            throw new Unsupported("(?-...)");
                        } else if (f == 'i') {
                            ci = true;
                        } else if (f == 's') {
                            dotAll = true;
                        } else if (f != 'm') {
                            throw new Unsupported("flag " + f);
                        }
                    }
                    if (i >= s.length()) {
                        throw new Unsupported("flags");
                    }
                    if (s.charAt(i) == ')') {
                        i++;
                        return null; // flags hold to the end of the enclosing group
                    }
                    i++;
                }
            }
            Node body = alternation();
            if (i >= s.length() || s.charAt(i) != ')') {
                throw new Unsupported("unclosed group");
            }
            i++;
            ci = savedCi;
            dotAll = savedDotAll;
            return zero ? new Zero() : body;
        }

        private Node literal(int c) {
            long[] m = new long[2];
            boolean nonAscii = c >= 128;
            set(m, c);
            if (ci) {
                fold(m);
            }
            return new CharSet(m[0], m[1], nonAscii);
        }

        private Node escape() throws Unsupported {
            char c = s.charAt(i++);
            switch (c) {
                case 'd':
                    return named("0-9", false);
                case 'D':
                    return named("0-9", true);
                case 'w':
                    return named("a-zA-Z_0-9", false);
                case 'W':
                    return named("a-zA-Z_0-9", true);
                case 's':
                    return named(" \t\n\u000B\f\r", false);
                case 'S':
                    return named(" \t\n\u000B\f\r", true);
                case 'b':
                case 'B':
                case 'A':
                case 'z':
                case 'Z':
                case 'G':
                    return new Zero();
                case 'Q': {
                    int end = s.indexOf("\\E", i);
                    String lit = end < 0 ? s.substring(i) : s.substring(i, end);
                    i = end < 0 ? s.length() : end + 2;
                    List<Node> items = new ArrayList<>();
                    for (int k = 0; k < lit.length(); k++) {
                        if (Character.isSurrogate(lit.charAt(k))) {
                            throw new Unsupported("surrogate");
                        }
                        items.add(literal(lit.charAt(k)));
                    }
                    return new Seq(items);
                }
                case 'p':
                case 'P':
                    return probed(i - 2, skipPropertyName());
                case 'k':
                    if (s.startsWith("<", i)) {
                        int close = s.indexOf('>', i);
                        if (close < 0) {
                            throw new Unsupported("\\k");
                        }
                        i = close + 1;
                        return new BackRef();
                    }
                    throw new Unsupported("\\k");
                default:
                    if (c >= '1' && c <= '9') {
                        while (i < s.length() && Character.isDigit(s.charAt(i))) {
                            i++;
                        }
                        return new BackRef();
                    }
                    int lit = escapedChar(c);
                    return literal(lit);
            }
        }

        /** Skips the name of {@code \p{Name}} or {@code \pL} and returns the index after it. */
        private int skipPropertyName() throws Unsupported {
            if (i >= s.length()) {
                throw new Unsupported("\\p");
            }
            if (s.charAt(i) == '{') {
                int close = s.indexOf('}', i);
                if (close < 0) {
                    throw new Unsupported("\\p{");
                }
                i = close + 1;
            } else {
                i++;
            }
            return i;
        }

        /**
         * A set whose ASCII members java.util.regex itself reports: {@code s[from, to)} compiled alone (with the
         * case flag in force) and tried on every ASCII char. It may match any non-ASCII char.
         */
        private Node probed(int from, int to) throws Unsupported {
            long[] m = new long[2];
            // Both with and without case folding when it may be on: the union is safe either way.
            for (int flags : ci ? new int[] {0, Pattern.CASE_INSENSITIVE} : new int[] {0}) {
                java.util.regex.Matcher matcher;
                try {
                    matcher = Pattern.compile(s.substring(from, to), flags).matcher("");
                } catch (RuntimeException e) {
                    throw new Unsupported("class " + s.substring(from, to));
                }
                for (int c = 0; c < 128; c++) {
                    if (matcher.reset(String.valueOf((char) c)).matches()) {
                        set(m, c);
                    }
                }
            }
            return new CharSet(m[0], m[1], true);
        }

        /** The char an escape outside the class shorthands stands for. */
        private int escapedChar(char c) throws Unsupported {
            switch (c) {
                case 't':
                    return '\t';
                case 'n':
                    return '\n';
                case 'r':
                    return '\r';
                case 'f':
                    return '\f';
                case 'a':
                    return 7;
                case 'e':
                    return 27;
                case 'x': {
                    if (s.startsWith("{", i)) {
                        throw new Unsupported("\\x{}");
                    }
                    int v = Integer.parseInt(s.substring(i, i + 2), 16);
                    i += 2;
                    return v;
                }
                case 'u': {
                    int v = Integer.parseInt(s.substring(i, i + 4), 16);
                    i += 4;
                    if (Character.isSurrogate((char) v)) {
                        throw new Unsupported("surrogate");
                    }
                    return v;
                }
                default:
                    if (Character.isLetterOrDigit(c)) {
                        throw new Unsupported("escape \\" + c);
                    }
                    return c;
            }
        }

        private Node named(String chars, boolean negate) {
            long[] m = new long[2];
            addRanges(m, chars);
            if (negate) {
                return new CharSet(~m[0], ~m[1], true);
            }
            return new CharSet(m[0], m[1], false);
        }

        private static void addRanges(long[] m, String chars) {
            for (int k = 0; k < chars.length(); k++) {
                char a = chars.charAt(k);
                if (k + 2 < chars.length() && chars.charAt(k + 1) == '-') {
                    for (int c = a; c <= chars.charAt(k + 2); c++) {
                        set(m, c);
                    }
                    k += 2;
                } else {
                    set(m, a);
                }
            }
        }

        /** A bracket class; {@code [} already read. Nested classes and intersections are not handled. */
        private Node charClass() throws Unsupported {
            int open = i - 1;
            boolean probe = false;
            boolean negate = false;
            if (s.startsWith("^", i)) {
                negate = true;
                i++;
            }
            long[] m = new long[2];
            boolean nonAscii = false;
            boolean first = true;
            while (true) {
                if (i >= s.length()) {
                    throw new Unsupported("unclosed class");
                }
                char c = s.charAt(i);
                if (c == ']') {
                    if (first) {
                        throw new Unsupported("] first in class");
                    }
                    i++;
                    break;
                }
                first = false;
                if (c == '[' || s.startsWith("&&", i)) {
                    throw new Unsupported("nested class");
                }
                i++;
                int lo;
                if (c == '\\') {
                    char e = s.charAt(i++);
                    long[] shorthand = shorthand(e);
                    if (shorthand != null) {
                        m[0] |= shorthand[0];
                        m[1] |= shorthand[1];
                        nonAscii |= shorthand[2] != 0;
                        continue;
                    }
                    if (e == 'p' || e == 'P') {
                        skipPropertyName();
                        probe = true;
                        continue;
                    }
                    if (e == 'Q' || e == 'h' || e == 'H' || e == 'v' || e == 'V') {
                        throw new Unsupported("\\" + e + " in class");
                    }
                    if (e >= '0' && e <= '9') {
                        throw new Unsupported("octal/back-reference in class");
                    }
                    lo = escapedChar(e);
                } else {
                    if (Character.isSurrogate(c)) {
                        throw new Unsupported("surrogate");
                    }
                    lo = c;
                }
                int hi = lo;
                if (i + 1 < s.length() && s.charAt(i) == '-' && s.charAt(i + 1) != ']') {
                    i++;
                    char d = s.charAt(i++);
                    if (d == '[') {
                        throw new Unsupported("nested class");
                    }
                    if (d == '\\') {
                        char e = s.charAt(i++);
                        if (shorthand(e) != null || e == 'Q' || e == 'p' || e == 'P' || e >= '0' && e <= '9') {
                            throw new Unsupported("range to escape");
                        }
                        hi = escapedChar(e);
                    } else {
                        if (Character.isSurrogate(d)) {
                            throw new Unsupported("surrogate");
                        }
                        hi = d;
                    }
                }
                for (int x = lo; x <= Math.min(hi, 127); x++) {
                    set(m, x);
                }
                if (hi >= 128) {
                    nonAscii = true;
                }
            }
            if (probe) {
                if (negate) {
                    throw new Unsupported("negated class with a property");
                }
                return probed(open, i);
            }
            if (negate) {
                // Not folded: without case folding the complement is the larger set, which is the safe side
                // whether or not case-insensitivity is on here.
                return new CharSet(~m[0], ~m[1], true);
            }
            if (ci) {
                fold(m);
            }
            return new CharSet(m[0], m[1], nonAscii);
        }

        /** {lo, hi, nonAscii} of a class shorthand, or null. */
        private static long[] shorthand(char e) {
            long[] m = new long[3];
            switch (e) {
                case 'd':
                    addRanges(m, "0-9");
                    return m;
                case 'w':
                    addRanges(m, "a-zA-Z_0-9");
                    return m;
                case 's':
                    addRanges(m, " \t\n\u000B\f\r");
                    return m;
                case 'D':
                case 'W':
                case 'S': {
                    long[] pos = shorthand(Character.toLowerCase(e));
                    return new long[] {~pos[0], ~pos[1], 1};
                }
                default:
                    return null;
            }
        }

        /** Adds the other case of every ASCII letter in {@code m}. */
        private static void fold(long[] m) {
            for (int c = 'A'; c <= 'Z'; c++) {
                int l = c + 32;
                boolean either = (m[1] & (1L << (c - 64))) != 0 || (m[1] & (1L << (l - 64))) != 0;
                if (either) {
                    m[1] |= (1L << (c - 64)) | (1L << (l - 64));
                }
            }
        }
    }
}
