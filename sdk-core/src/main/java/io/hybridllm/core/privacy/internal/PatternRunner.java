package io.hybridllm.core.privacy.internal;

import io.hybridllm.core.privacy.PatternRecognizer;
import io.hybridllm.core.privacy.PrivacyItem;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Runs one {@link PatternRecognizer}: only inside digit windows when every match holds digits, only around
 * occurrences of the hint when there is one, else over the whole text; then validates and weighs context.
 */
final class PatternRunner implements Recognizer {
    private static final int HINT_BEFORE = 80;

    private final PatternRecognizer r;
    private final int minDigits;
    private final int span;
    private final List<String> anyOf;
    private final boolean digitStart;
    /** Derived on first use: patterns whose hint or digits never occur never pay for it. */
    private volatile StartTable starts;

    private volatile boolean startsDerived;
    /** Derived on first use: what every match needs (null: nothing known). */
    private volatile RegexFacts facts;

    private volatile boolean factsDerived;
    private Anchor anchor;

    /** Positions where a match may start; the pattern then makes one anchored attempt at each. */
    @FunctionalInterface
    interface Anchor {
        boolean at(String text, int index);
    }

    PatternRunner anchoredAt(Anchor a) {
        this.anchor = a;
        return this;
    }

    PatternRunner(PatternRecognizer r, int minDigits) {
        this(r, minDigits, 700, List.of(), false);
    }

    /** {@code anyOf}: lower-case words of which at least one must occur in the text for the pattern to run. */
    PatternRunner(PatternRecognizer r, int minDigits, int span, List<String> anyOf, boolean digitStart) {
        this.digitStart = digitStart;
        this.r = r;
        this.minDigits = minDigits;
        this.span = span;
        this.anyOf = List.copyOf(anyOf);
    }

    @Override
    public void find(ScanText t, List<PrivacyItem> out) {
        Matcher used = findIn(t, out);
        if (used != null) {
            release(used);
        }
    }

    /** Finds the items; returns the matcher used, if any. */
    private Matcher findIn(ScanText t, List<PrivacyItem> out) {
        if (t.digits < minDigits) {
            return null;
        }
        RegexFacts f = facts();
        if (f != null && !f.possibleIn(t)) {
            return null;
        }
        // An item needs a context word near it when context is required, so without one anywhere it cannot occur.
        if (r.contextRequired() && !anyOf(t, r.contextWords())) {
            return null;
        }
        if (!anyOf.isEmpty() && !anyOf(t, anyOf)) {
            return null;
        }
        // The matcher is taken only once there is a start to try.
        Lazy m = new Lazy(t);
        if (minDigits > 0) {
            int[] w = t.digitWindows();
            for (int i = 0; i < w.length; i += 3) {
                if (w[i + 2] >= minDigits) {
                    if (digitStart) {
                        runFromDigitStarts(t, m, w[i], w[i + 1], out);
                    } else {
                        run(t, m, w[i], w[i + 1], out);
                    }
                }
            }
        } else if (r.hint() != null) {
            String hint = r.hint();
            int n = t.text.length();
            int at = t.text.indexOf(hint);
            int done = 0;
            while (at >= 0) {
                int start = Math.max(done, at - HINT_BEFORE);
                int end = Math.min(n, at + hint.length() + span);
                int next = t.text.indexOf(hint, at + 1);
                while (next >= 0 && next - HINT_BEFORE <= end) {
                    end = Math.min(n, next + hint.length() + span);
                    next = t.text.indexOf(hint, next + 1);
                }
                run(t, m, start, end, out);
                done = end;
                at = next;
            }
        } else if (anchor != null) {
            StartTable starts = starts();
            String s = t.text;
            int n = s.length();
            int p = 0;
            if (starts != null && starts.tokenStartsOnly) {
                for (int q : t.tokenStarts()) {
                    if (q < p || !starts.mayStart(s, q) || !anchor.at(s, q) || f != null && !f.mayStartAt(s, q, n)) {
                        continue;
                    }
                    Matcher mq = m.get();
                    mq.region(q, n);
                    if (mq.lookingAt()) {
                        report(t, mq, out);
                        p = Math.max(q + 1, mq.end());
                    }
                }
                return m.matcher;
            }
            while (p < n) {
                if (starts != null && !starts.mayStart(s, p)
                        || !anchor.at(s, p)
                        || f != null && !f.mayStartAt(s, p, n)) {
                    p++;
                    continue;
                }
                Matcher mp = m.get();
                mp.region(p, n);
                if (mp.lookingAt()) {
                    report(t, mp, out);
                    p = Math.max(p + 1, mp.end());
                } else {
                    p++;
                }
            }
        } else {
            run(t, m, 0, t.text.length(), out);
        }
        return m.matcher;
    }

    /** The thread's matcher for this pattern, taken on first use. */
    private final class Lazy {
        private final ScanText t;
        Matcher matcher;

        Lazy(ScanText t) {
            this.t = t;
        }

        Matcher get() {
            if (matcher == null) {
                matcher = matcher(t);
            }
            return matcher;
        }
    }

    /** One matcher per thread, reused from scan to scan: making one costs more than most scans of a pattern. */
    private final ThreadLocal<Reusable> matchers = ThreadLocal.withInitial(Reusable::new);

    /** A thread's matcher; busy while a scan uses it (a validator that scans again gets a fresh one). */
    private static final class Reusable {
        Matcher matcher;
        boolean busy;
    }

    private Matcher matcher(ScanText t) {
        Reusable r = matchers.get();
        Matcher m;
        if (r.busy) {
            m = this.r.pattern().matcher(t.text);
        } else {
            if (r.matcher == null) {
                r.matcher = this.r.pattern().matcher(t.text);
            } else {
                r.matcher.reset(t.text);
            }
            r.busy = true;
            m = r.matcher;
        }
        return m.useTransparentBounds(true).useAnchoringBounds(false);
    }

    /** Lets go of the text, so that the reused matcher does not keep it alive, and frees the matcher. */
    private void release(Matcher m) {
        Reusable r = matchers.get();
        if (r.busy && r.matcher == m) {
            r.matcher.reset("");
            r.busy = false;
        }
    }

    private static boolean anyOf(ScanText t, List<String> words) {
        for (String w : words) {
            if (t.containsLower(w, 0, t.text.length())) {
                return true;
            }
        }
        return false;
    }

    /**
     * For patterns that start with a digit not preceded by another: one anchored attempt at each start of a digit
     * run instead of an attempt at every position.
     */
    private void runFromDigitStarts(ScanText t, Lazy lazy, int from, int to, List<PrivacyItem> out) {
        StartTable starts = starts();
        RegexFacts f = facts;
        String s = t.text;
        int[] runStarts = t.digitRunStarts();
        int p = from;
        for (int k = ScanText.firstAtLeast(runStarts, from); k < runStarts.length && runStarts[k] < to; k++) {
            int q = runStarts[k];
            if (q < p || !mayStart(starts, s, q) || f != null && !f.mayStartAt(s, q, to)) {
                continue;
            }
            Matcher m = lazy.get();
            m.region(q, to);
            if (m.lookingAt()) {
                report(t, m, out);
                p = Math.max(q + 1, m.end());
            }
        }
    }

    /** The start table of the pattern, or null if it has none. */
    private StartTable starts() {
        if (!startsDerived) {
            starts = StartTable.of(r.pattern());
            startsDerived = true;
        }
        return starts;
    }

    /** The facts of the pattern, or null if it has none. */
    private RegexFacts facts() {
        if (!factsDerived) {
            facts = RegexFacts.of(r.pattern());
            factsDerived = true;
        }
        return facts;
    }

    private static boolean mayStart(StartTable starts, String s, int p) {
        return starts == null || starts.mayStart(s, p);
    }

    private void run(ScanText t, Lazy lazy, int from, int to, List<PrivacyItem> out) {
        StartTable starts = starts();
        RegexFacts f = facts;
        if (starts == null) {
            Matcher m = lazy.get();
            m.region(from, to);
            while (m.find()) {
                report(t, m, out);
            }
            return;
        }
        // The same matches as find(): attempts in order, skipping positions where no match can start.
        String s = t.text;
        if (starts.tokenStartsOnly) {
            int[] tokens = t.tokenStarts();
            int p = from;
            for (int k = ScanText.firstAtLeast(tokens, from); k < tokens.length && tokens[k] < to; k++) {
                int q = tokens[k];
                if (q < p || !starts.mayStart(s, q) || f != null && !f.mayStartAt(s, q, to)) {
                    continue;
                }
                Matcher m = lazy.get();
                m.region(q, to);
                if (m.lookingAt()) {
                    report(t, m, out);
                    p = Math.max(q + 1, m.end());
                }
            }
            return;
        }
        int p = from;
        while (p < to) {
            if (!starts.mayStart(s, p) || f != null && !f.mayStartAt(s, p, to)) {
                p++;
                continue;
            }
            Matcher m = lazy.get();
            m.region(p, to);
            if (m.lookingAt()) {
                report(t, m, out);
                p = Math.max(p + 1, m.end());
            } else {
                p++;
            }
        }
    }

    private void report(ScanText t, Matcher m, List<PrivacyItem> out) {
        {
            int start = m.start(r.group());
            int end = m.end(r.group());
            if (start < 0 || end <= start) {
                return;
            }
            String value = t.text.substring(start, end);
            if (!r.validate(value)) {
                return;
            }
            boolean context = t.hasContext(start, end, r.contextWords());
            if (r.contextRequired() && !context) {
                return;
            }
            double score = context ? r.contextScore() : r.score();
            out.add(PrivacyItem.of(r.type(), r.piiClass(), start, end, score, r.name()));
        }
    }

    /** The pattern this runner scans for. */
    java.util.regex.Pattern pattern() {
        return r.pattern();
    }

    @Override
    public String toString() {
        return r.toString();
    }
}
