package io.hybridllm.core.experiment;

import io.hybridllm.core.routing.Route;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * An A/B experiment of the local model against the remote endpoint. Each unit (end user, from {@link
 * io.hybridllm.core.ChatRequest#user()}) falls into one of {@link #BUCKETS} buckets by a salted SHA-256 of its id, the
 * same bucket on every call, process and machine; the first {@code remoteShare} of the buckets form the {@link
 * Route#REMOTE} arm, the rest the {@link Route#LOCAL} arm. Raising {@code remoteShare} later only moves units from
 * the local arm to the remote one. A {@code shadowShare} of calls also run on the other arm in the background, for a
 * paired comparison; their answers are never returned.
 *
 * <pre>{@code
 * Experiment exp = Experiment.builder("local-vs-remote").remoteShare(0.2).shadowShare(0.05).build();
 * HybridClient client = HybridClient.builder()...experiment(exp, JsonlExperimentRecorder.open(log)).build();
 * }</pre>
 */
public final class Experiment {
    /** The number of buckets units are spread over. */
    public static final int BUCKETS = 10_000;

    private final String name;
    private final String salt;
    private final double remoteShare;
    private final double shadowShare;

    private Experiment(Builder b) {
        this.name = b.name;
        this.salt = b.salt != null ? b.salt : b.name;
        this.remoteShare = b.remoteShare;
        this.shadowShare = b.shadowShare;
    }

    /** @throws IllegalArgumentException if the name is blank */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    /** The share of buckets in the remote arm, in [0, 1]. */
    public double remoteShare() {
        return remoteShare;
    }

    /** The share of calls that also run on the other arm in the background, in [0, 1]. */
    public double shadowShare() {
        return shadowShare;
    }

    /** Where the unit stands in this experiment: its record key, bucket and arm, from one hash of its id. */
    public Assignment assign(String unit) {
        long h = hash64(unit);
        int bucket = (int) Long.remainderUnsigned(h, BUCKETS);
        Route arm = bucket < Math.round(remoteShare * BUCKETS) ? Route.REMOTE : Route.LOCAL;
        return new Assignment(HexFormat.of().toHexDigits(h), bucket, arm);
    }

    /** The unit's bucket, in [0, {@link #BUCKETS}). */
    public int bucketOf(String unit) {
        return assign(unit).bucket();
    }

    /** The unit's arm: {@link Route#REMOTE} for the first {@code remoteShare} of the buckets, else {@link Route#LOCAL}. */
    public Route armOf(String unit) {
        return assign(unit).arm();
    }

    /** The unit as it appears in records: 16 hex digits of the salted hash, not the id itself. */
    public String unitKey(String unit) {
        return assign(unit).unitKey();
    }

    private long hash64(String unit) {
        Objects.requireNonNull(unit, "unit == null");
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
        sha.update(salt.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        byte[] d = sha.digest(unit.getBytes(StandardCharsets.UTF_8));
        long h = 0;
        for (int i = 0; i < 8; i++) {
            h = (h << 8) | (d[i] & 0xff);
        }
        return h;
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT, "Experiment{name=%s, remoteShare=%s, shadowShare=%s}", name, remoteShare, shadowShare);
    }

    /** A unit's place in an experiment; holds no raw unit id. */
    public static final class Assignment {
        private final String unitKey;
        private final int bucket;
        private final Route arm;

        private Assignment(String unitKey, int bucket, Route arm) {
            this.unitKey = unitKey;
            this.bucket = bucket;
            this.arm = arm;
        }

        /** 16 hex digits of the salted hash: the unit as records name it. */
        public String unitKey() {
            return unitKey;
        }

        /** In [0, {@link #BUCKETS}). */
        public int bucket() {
            return bucket;
        }

        /** {@link Route#LOCAL} or {@link Route#REMOTE}. */
        public Route arm() {
            return arm;
        }

        @Override
        public String toString() {
            return "Assignment{unit=" + unitKey + ", bucket=" + bucket + ", arm=" + arm + "}";
        }
    }

    /** Builds an {@link Experiment}: remote share 0.5 and no shadow runs unless set. */
    public static final class Builder {
        private final String name;
        private String salt;
        private double remoteShare = 0.5;
        private double shadowShare;

        private Builder(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("an experiment needs a non-blank name");
            }
            this.name = name;
        }

        /** The share of units in the remote arm, in [0, 1] (default 0.5). */
        public Builder remoteShare(double share) {
            this.remoteShare = share(share, "remoteShare");
            return this;
        }

        /** The share of calls that also run on the other arm in the background, in [0, 1] (default 0). */
        public Builder shadowShare(double share) {
            this.shadowShare = share(share, "shadowShare");
            return this;
        }

        /**
         * The hash salt (default: the name). Two experiments with different salts assign units independently; keep
         * the salt when changing shares, or every unit is reshuffled.
         */
        public Builder salt(String salt) {
            this.salt = Objects.requireNonNull(salt, "salt == null");
            return this;
        }

        public Experiment build() {
            return new Experiment(this);
        }

        private static double share(double v, String what) {
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException(what + " must be in [0, 1]: " + v);
            }
            return v;
        }
    }
}
