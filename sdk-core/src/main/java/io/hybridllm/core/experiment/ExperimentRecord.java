package io.hybridllm.core.experiment;

import io.hybridllm.core.complexity.internal.MiniJson;
import io.hybridllm.core.routing.Route;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one call of an experiment did: the unit's arm, the route that served it, how long it took and what it cost,
 * and the shadow run on the other arm if there was one. Holds no prompt or answer text and no raw unit id (only
 * {@link #unit()}, a hash), so a log of these can be kept and shared. One JSON object a line in a log
 * ({@link #toJson()}, {@link #fromJson(String)}); see docs/experiments.md for the fields.
 */
public final class ExperimentRecord {
    private final Instant timestamp;
    private final String experiment;
    private final String unit;
    private final int bucket;
    private final double remoteShare;
    private final Route arm;
    private final Route route;
    private final String override;
    private final double complexity;
    private final String privacy;
    private final double latencyMillis;
    private final int promptTokens;
    private final int completionTokens;
    private final String error;
    private final Shadow shadow;

    private ExperimentRecord(Builder b) {
        this.timestamp = Objects.requireNonNull(b.timestamp, "timestamp == null");
        this.experiment = Objects.requireNonNull(b.experiment, "experiment == null");
        this.unit = Objects.requireNonNull(b.unit, "unit == null");
        this.bucket = b.bucket;
        this.remoteShare = b.remoteShare;
        this.arm = Objects.requireNonNull(b.arm, "arm == null");
        this.route = Objects.requireNonNull(b.route, "route == null");
        this.override = b.override;
        this.complexity = b.complexity;
        this.privacy = b.privacy;
        this.latencyMillis = b.latencyMillis;
        this.promptTokens = b.promptTokens;
        this.completionTokens = b.completionTokens;
        this.error = b.error;
        this.shadow = b.shadow;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** When the call started. */
    public Instant timestamp() {
        return timestamp;
    }

    /** The experiment's name. */
    public String experiment() {
        return experiment;
    }

    /** The unit (end user) as 16 hex digits of a salted hash: the same unit gives the same value, and no more. */
    public String unit() {
        return unit;
    }

    /** The unit's bucket, 0 to {@link Experiment#BUCKETS} - 1. */
    public int bucket() {
        return bucket;
    }

    /** The share of buckets the experiment assigned to the remote arm when this call ran. */
    public double remoteShare() {
        return remoteShare;
    }

    /** The arm the unit is assigned to: {@link Route#LOCAL} or {@link Route#REMOTE}. */
    public Route arm() {
        return arm;
    }

    /** The route that served (or last tried to serve) the call; differs from the arm after an override or fallback. */
    public Route route() {
        return route;
    }

    /** Why the arm was not followed (privacy, a capability need, an unavailable backend), if it was not. */
    public Optional<String> override() {
        return Optional.ofNullable(override);
    }

    /** The request's complexity score, NaN if not known. */
    public double complexity() {
        return complexity;
    }

    /** The request's privacy level ({@code NONE}, {@code LOW}, ...), if known. */
    public Optional<String> privacy() {
        return Optional.ofNullable(privacy);
    }

    /** Wall-clock time of the call, in milliseconds. */
    public double latencyMillis() {
        return latencyMillis;
    }

    /** Prompt tokens as the backend reported them, -1 if unknown. */
    public int promptTokens() {
        return promptTokens;
    }

    /** Completion tokens as the backend reported them, -1 if unknown. */
    public int completionTokens() {
        return completionTokens;
    }

    /** The simple class name of the exception the call failed with; empty when it succeeded. */
    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    /** The shadow run of the same request on the other arm, if one ran. */
    public Optional<Shadow> shadow() {
        return Optional.ofNullable(shadow);
    }

    /** The record as one line of JSON (no line breaks). */
    public String toJson() {
        StringBuilder sb = new StringBuilder(256);
        sb.append('{');
        field(sb, "ts", timestamp.toString()).append(',');
        field(sb, "experiment", experiment).append(',');
        field(sb, "unit", unit).append(',');
        sb.append("\"bucket\":").append(bucket).append(',');
        sb.append("\"remote_share\":").append(number(remoteShare)).append(',');
        field(sb, "arm", arm.name()).append(',');
        field(sb, "route", route.name()).append(',');
        field(sb, "override", override).append(',');
        sb.append("\"complexity\":").append(number(complexity)).append(',');
        field(sb, "privacy", privacy).append(',');
        sb.append("\"latency_ms\":").append(number(latencyMillis)).append(',');
        sb.append("\"prompt_tokens\":").append(promptTokens).append(',');
        sb.append("\"completion_tokens\":").append(completionTokens).append(',');
        field(sb, "error", error).append(',');
        sb.append("\"shadow\":");
        if (shadow == null) {
            sb.append("null");
        } else {
            sb.append('{');
            field(sb, "route", shadow.route().name()).append(',');
            sb.append("\"latency_ms\":").append(number(shadow.latencyMillis())).append(',');
            sb.append("\"completion_tokens\":")
                    .append(shadow.completionTokens())
                    .append(',');
            field(sb, "error", shadow.error().orElse(null));
            sb.append('}');
        }
        return sb.append('}').toString();
    }

    /**
     * Reads a line written by {@link #toJson()}.
     *
     * @throws IllegalArgumentException naming the field that is missing or malformed
     */
    public static ExperimentRecord fromJson(String line) {
        if (!(MiniJson.parse(line) instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("experiment record is not a JSON object");
        }
        Builder b = builder()
                .timestamp(Instant.parse(string(m, "ts", true)))
                .experiment(string(m, "experiment", true))
                .unit(string(m, "unit", true))
                .bucket((int) num(m, "bucket", true))
                .remoteShare(num(m, "remote_share", true))
                .arm(route(m, "arm"))
                .route(route(m, "route"))
                .override(string(m, "override", false))
                .complexity(num(m, "complexity", false))
                .privacy(string(m, "privacy", false))
                .latencyMillis(num(m, "latency_ms", true))
                .promptTokens(tokens(m, "prompt_tokens"))
                .completionTokens(tokens(m, "completion_tokens"))
                .error(string(m, "error", false));
        if (m.get("shadow") instanceof Map<?, ?> s) {
            b.shadow(Shadow.of(
                    route(s, "route"),
                    num(s, "latency_ms", true),
                    tokens(s, "completion_tokens"),
                    string(s, "error", false)));
        } else if (m.get("shadow") != null) {
            throw new IllegalArgumentException("experiment record field 'shadow' must be an object or null");
        }
        return b.build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExperimentRecord r && toJson().equals(r.toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }

    @Override
    public String toString() {
        return "ExperimentRecord" + toJson();
    }

    private static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "null";
        }
        // Double.toString round-trips exactly and is valid JSON (1.0E-5 included).
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static StringBuilder field(StringBuilder sb, String name, String value) {
        sb.append('"').append(name).append("\":");
        if (value == null) {
            return sb.append("null");
        }
        sb.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"');
    }

    private static String string(Map<?, ?> m, String name, boolean required) {
        Object v = m.get(name);
        if (v instanceof String s) {
            return s;
        }
        if (v == null && !required) {
            return null;
        }
        throw new IllegalArgumentException("experiment record needs a string '" + name + "'");
    }

    private static double num(Map<?, ?> m, String name, boolean required) {
        Object v = m.get(name);
        if (v instanceof Double d) {
            return d;
        }
        if (v == null && !required) {
            return Double.NaN;
        }
        throw new IllegalArgumentException("experiment record needs a number '" + name + "'");
    }

    private static int tokens(Map<?, ?> m, String name) {
        double v = num(m, name, false);
        return Double.isNaN(v) ? -1 : (int) v;
    }

    private static Route route(Map<?, ?> m, String name) {
        String s = string(m, name, true);
        try {
            return Route.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("experiment record field '" + name + "' is not a route: " + s, e);
        }
    }

    /** The shadow run: the same request on the other arm, in the background; its answer is never returned. */
    public static final class Shadow {
        private final Route route;
        private final double latencyMillis;
        private final int completionTokens;
        private final String error;

        private Shadow(Route route, double latencyMillis, int completionTokens, String error) {
            this.route = Objects.requireNonNull(route, "route == null");
            this.latencyMillis = latencyMillis;
            this.completionTokens = completionTokens;
            this.error = error;
        }

        /**
         * @param completionTokens -1 if unknown
         * @param error the simple class name of the exception the shadow run failed with, or null
         */
        public static Shadow of(Route route, double latencyMillis, int completionTokens, String error) {
            return new Shadow(route, latencyMillis, completionTokens, error);
        }

        public Route route() {
            return route;
        }

        public double latencyMillis() {
            return latencyMillis;
        }

        /** -1 if unknown. */
        public int completionTokens() {
            return completionTokens;
        }

        public Optional<String> error() {
            return Optional.ofNullable(error);
        }
    }

    /** Builds a record; timestamp, experiment, unit, arm, route and latency are required. */
    public static final class Builder {
        private Instant timestamp;
        private String experiment;
        private String unit;
        private int bucket;
        private double remoteShare = Double.NaN;
        private Route arm;
        private Route route;
        private String override;
        private double complexity = Double.NaN;
        private String privacy;
        private double latencyMillis = Double.NaN;
        private int promptTokens = -1;
        private int completionTokens = -1;
        private String error;
        private Shadow shadow;

        private Builder() {}

        public Builder timestamp(Instant timestamp) {
            this.timestamp = timestamp;
            return this;
        }

        public Builder experiment(String experiment) {
            this.experiment = experiment;
            return this;
        }

        public Builder unit(String unit) {
            this.unit = unit;
            return this;
        }

        public Builder bucket(int bucket) {
            this.bucket = bucket;
            return this;
        }

        public Builder remoteShare(double remoteShare) {
            this.remoteShare = remoteShare;
            return this;
        }

        public Builder arm(Route arm) {
            this.arm = arm;
            return this;
        }

        public Builder route(Route route) {
            this.route = route;
            return this;
        }

        public Builder override(String override) {
            this.override = override;
            return this;
        }

        public Builder complexity(double complexity) {
            this.complexity = complexity;
            return this;
        }

        public Builder privacy(String privacy) {
            this.privacy = privacy;
            return this;
        }

        public Builder latencyMillis(double latencyMillis) {
            this.latencyMillis = latencyMillis;
            return this;
        }

        public Builder promptTokens(int promptTokens) {
            this.promptTokens = promptTokens;
            return this;
        }

        public Builder completionTokens(int completionTokens) {
            this.completionTokens = completionTokens;
            return this;
        }

        public Builder error(String error) {
            this.error = error;
            return this;
        }

        public Builder shadow(Shadow shadow) {
            this.shadow = shadow;
            return this;
        }

        /** @throws NullPointerException naming a missing required field */
        public ExperimentRecord build() {
            if (Double.isNaN(latencyMillis)) {
                throw new IllegalArgumentException("latencyMillis is required");
            }
            return new ExperimentRecord(this);
        }
    }
}
