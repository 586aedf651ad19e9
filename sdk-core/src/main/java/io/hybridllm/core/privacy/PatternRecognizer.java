package io.hybridllm.core.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A recognizer made of a pattern, an optional validator and optional context words, the way users add their own
 * identifiers to a scanner (see {@link PrivacyScanners#builder()}). Immutable and thread-safe.
 *
 * <p>A match is reported with {@link #score()}; when one of the {@link #contextWords()} appears within a few words
 * before or after it, with {@link #contextScore()} instead. With {@link Builder#contextRequired(boolean)} a match
 * without context is dropped. Write patterns with bounded quantifiers and no nested repetition so that they stay
 * linear on hostile input, e.g. {@code (?<![A-Z0-9])EMP-\d{6}(?![A-Z0-9])}.
 */
public final class PatternRecognizer {
    private final String name;
    private final String type;
    private final PiiClass piiClass;
    private final Pattern pattern;
    private final int group;
    private final Predicate<String> validator;
    private final List<String> contextWords;
    private final double score;
    private final double contextScore;
    private final boolean contextRequired;
    private final String hint;

    private PatternRecognizer(Builder b) {
        this.name = Objects.requireNonNull(b.name, "name == null");
        this.type = Objects.requireNonNull(b.type, "type == null");
        this.piiClass = Objects.requireNonNull(b.piiClass, "piiClass == null");
        this.pattern = Objects.requireNonNull(b.pattern, "pattern == null");
        this.group = b.group;
        this.validator = b.validator;
        this.contextWords = List.copyOf(b.contextWords);
        this.score = b.score;
        this.contextScore = Math.max(b.score, b.contextScore);
        this.contextRequired = b.contextRequired;
        this.hint = b.hint;
    }

    /** Starts a recognizer that reports items of {@code type} and {@code piiClass}. */
    public static Builder builder(String name, String type, PiiClass piiClass) {
        return new Builder(name, type, piiClass);
    }

    /** The detector name reported on each item. */
    public String name() {
        return name;
    }

    public String type() {
        return type;
    }

    public PiiClass piiClass() {
        return piiClass;
    }

    public Pattern pattern() {
        return pattern;
    }

    /** The capturing group that is the item (0: the whole match). */
    public int group() {
        return group;
    }

    /** Accepts or rejects the matched text (e.g. a check digit); accepts everything when absent. */
    public boolean validate(String value) {
        return validator == null || validator.test(value);
    }

    /** Lower-case words that, near a match, raise its confidence to {@link #contextScore()}. */
    public List<String> contextWords() {
        return contextWords;
    }

    public double score() {
        return score;
    }

    public double contextScore() {
        return contextScore;
    }

    public boolean contextRequired() {
        return contextRequired;
    }

    /** A literal every match contains, or null; lets the scanner skip texts without it. */
    public String hint() {
        return hint;
    }

    @Override
    public String toString() {
        return "PatternRecognizer{" + name + ": " + type + "/" + piiClass + "}";
    }

    /** Builds a {@link PatternRecognizer}. */
    public static final class Builder {
        private final String name;
        private final String type;
        private final PiiClass piiClass;
        private Pattern pattern;
        private int group;
        private Predicate<String> validator;
        private final List<String> contextWords = new ArrayList<>();
        private double score = 0.6;
        private double contextScore = 0.9;
        private boolean contextRequired;
        private String hint;

        private Builder(String name, String type, PiiClass piiClass) {
            this.name = Objects.requireNonNull(name, "name == null");
            this.type = Objects.requireNonNull(type, "type == null");
            this.piiClass = Objects.requireNonNull(piiClass, "piiClass == null");
        }

        public Builder pattern(String regex) {
            return pattern(Pattern.compile(regex));
        }

        public Builder pattern(Pattern pattern) {
            this.pattern = Objects.requireNonNull(pattern, "pattern == null");
            return this;
        }

        /** Reports capturing group {@code group} instead of the whole match. */
        public Builder group(int group) {
            if (group < 0) {
                throw new IllegalArgumentException("group < 0: " + group);
            }
            this.group = group;
            return this;
        }

        /** Keeps only matches the validator accepts (a checksum, a range check). */
        public Builder validator(Predicate<String> validator) {
            this.validator = Objects.requireNonNull(validator, "validator == null");
            return this;
        }

        /** Words (case-insensitive) that make a nearby match more likely to be real. */
        public Builder contextWords(String... words) {
            for (String w : words) {
                contextWords.add(w.toLowerCase(Locale.ROOT));
            }
            return this;
        }

        /** Confidence without context, in [0, 1]; default 0.6. */
        public Builder score(double score) {
            this.score = checkScore(score);
            return this;
        }

        /** Confidence with a context word nearby, in [0, 1]; default 0.9. */
        public Builder contextScore(double contextScore) {
            this.contextScore = checkScore(contextScore);
            return this;
        }

        /** Drops matches without a context word nearby. */
        public Builder contextRequired(boolean contextRequired) {
            this.contextRequired = contextRequired;
            return this;
        }

        /** A literal that every match contains (case-sensitive); texts without it are skipped. */
        public Builder hint(String literal) {
            this.hint = literal == null || literal.isEmpty() ? null : literal;
            return this;
        }

        public PatternRecognizer build() {
            if (pattern == null) {
                throw new IllegalStateException("pattern not set");
            }
            if (group > pattern.matcher("").groupCount()) {
                throw new IllegalStateException("pattern has no group " + group + ": " + pattern);
            }
            if (contextRequired && contextWords.isEmpty()) {
                throw new IllegalStateException("contextRequired needs context words");
            }
            return new PatternRecognizer(this);
        }

        private static double checkScore(double s) {
            if (!(s >= 0 && s <= 1)) {
                throw new IllegalArgumentException("score must be in [0, 1]: " + s);
            }
            return s;
        }
    }
}
