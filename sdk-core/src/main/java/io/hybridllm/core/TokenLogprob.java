package io.hybridllm.core;

import java.util.Objects;

/** The log-probability of one generated token, as reported by a backend. Immutable. */
public final class TokenLogprob {
    private final String token;
    private final double logprob;

    private TokenLogprob(String token, double logprob) {
        this.token = Objects.requireNonNull(token, "token == null");
        this.logprob = logprob;
    }

    public static TokenLogprob of(String token, double logprob) {
        return new TokenLogprob(token, logprob);
    }

    public String token() {
        return token;
    }

    /** Natural-log probability, {@code <= 0}. */
    public double logprob() {
        return logprob;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenLogprob t && token.equals(t.token) && Double.compare(logprob, t.logprob) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(token, logprob);
    }

    @Override
    public String toString() {
        return "TokenLogprob{" + logprob + "}";
    }
}
