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
            int[] candidates = starts != null && starts.tokenStartsOnly ? t.tokenStarts() : null;
            attemptAt(t, m, candidates, 0, t.text.length(), anchor, out);
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
        attemptAt(t, lazy, t.digitRunStarts(), from, to, null, out);
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
        if (starts == null) {
            Matcher m = lazy.get();
            m.region(from, to);
            while (m.find()) {
                report(t, m, out);
            }
            return;
        }
        attemptAt(t, lazy, starts.tokenStartsOnly ? t.tokenStarts() : null, from, to, null, out);
    }

    /**
     * The same matches as {@code find()} over {@code [from, to)}, found by one anchored attempt at each position
     * where a match can begin: the sorted {@code candidates} (or every position when null) that the start table,
     * the regex facts and the {@code anchor} (when set) all admit, skipping positions inside the previous match.
     */
    private void attemptAt(
            ScanText t, Lazy lazy, int[] candidates, int from, int to, Anchor anchor, List<PrivacyItem> out) {
        StartTable starts = starts();
        RegexFacts f = facts();
        String s = t.text;
        int p = from;
        int k = candidates == null ? 0 : ScanText.firstAtLeast(candidates, from);
        while (true) {
            int q;
            if (candidates == null) {
                if (p >= to) {
                    return;
                }
                q = p++;
            } else {
                if (k >= candidates.length || candidates[k] >= to) {
                    return;
                }
                q = candidates[k++];
                if (q < p) {
                    continue;
                }
            }
            if (!mayStart(starts, s, q) || anchor != null && !anchor.at(s, q) || f != null && !f.mayStartAt(s, q, to)) {
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

    private void report(ScanText t, Matcher m, List<PrivacyItem> out) {
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

    /** The pattern this runner scans for. */
    java.util.regex.Pattern pattern() {
        return r.pattern();
    }

    @Override
    public String toString() {
        return r.toString();
    }
}
