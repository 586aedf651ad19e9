package io.hybridllm.local.internal;

import io.hybridllm.core.FinishReason;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One generation: prefill the prompt, then decode one token per {@link #next()} call with the KV cache. Stops on an
 * EOS id, after {@code maxTokens}, at the context window, or when cancelled. Not thread-safe; close it.
 */
public final class Generation implements AutoCloseable {
    /** Returned by {@link #next()} when generation has finished. */
    public static final int DONE = -1;

    private final DecoderSession session;
    private final DecoderSession.KvCache cache;
    private final Sampler sampler;
    private final List<Integer> eosIds;
    private final int maxTokens;
    private final int contextWindow;
    private final BooleanSupplier cancelled;
    private final boolean useCache;
    private final int[] history;
    private int length;
    private int generated;
    private int pendingToken = -1;
    private double lastLogprob;
    private FinishReason finishReason;

    public Generation(
            DecoderSession session,
            int[] prompt,
            Sampler sampler,
            List<Integer> eosIds,
            int maxTokens,
            int contextWindow,
            BooleanSupplier cancelled,
            boolean useCache) {
        if (prompt.length == 0) {
            throw new IllegalArgumentException("empty prompt");
        }
        this.session = session;
        this.cache = session.emptyCache();
        this.sampler = sampler;
        this.eosIds = eosIds;
        this.maxTokens = maxTokens;
        this.contextWindow = contextWindow;
        this.cancelled = cancelled;
        this.useCache = useCache;
        this.history =
                new int[(int) Math.min((long) prompt.length + maxTokens, Math.max(contextWindow, prompt.length)) + 1];
        System.arraycopy(prompt, 0, history, 0, prompt.length);
        this.length = prompt.length;
    }

    /** The next token id, or {@link #DONE} (then {@link #finishReason()} says why). */
    public int next() {
        if (finishReason != null) {
            return DONE;
        }
        if (cancelled.getAsBoolean()) {
            return finish(FinishReason.CANCELLED);
        }
        if (generated >= maxTokens) {
            return finish(FinishReason.LENGTH);
        }
        long[] input;
        if (!useCache) {
            if (length > contextWindow) {
                return finish(FinishReason.LENGTH);
            }
            cache.close();
            DecoderSession.KvCache fresh = session.emptyCache();
            input = new long[length];
            for (int i = 0; i < length; i++) {
                input[i] = history[i];
            }
            float[] logits = session.forward(input, fresh);
            fresh.close();
            return accept(logits);
        }
        if (pendingToken < 0) {
            input = new long[length];
            for (int i = 0; i < length; i++) {
                input[i] = history[i];
            }
        } else {
            if (length > contextWindow) {
                return finish(FinishReason.LENGTH);
            }
            input = new long[] {pendingToken};
        }
        return accept(session.forward(input, cache));
    }

    private int accept(float[] logits) {
        int token = sampler.sample(logits, history, length);
        lastLogprob = Sampler.logprob(logits, token);
        if (eosIds.contains(token)) {
            return finish(FinishReason.STOP);
        }
        history[length++] = token;
        generated++;
        pendingToken = token;
        return token;
    }

    private int finish(FinishReason reason) {
        finishReason = reason;
        cache.close();
        return DONE;
    }

    /** The natural-log probability of the last returned token under the model. */
    public double lastLogprob() {
        return lastLogprob;
    }

    public FinishReason finishReason() {
        return finishReason;
    }

    /** Tokens generated so far. */
    public int generatedTokens() {
        return generated;
    }

    /** Ends generation early (e.g. on a stop sequence). */
    public void stop(FinishReason reason) {
        if (finishReason == null) {
            finish(reason);
        }
    }

    @Override
    public void close() {
        if (finishReason == null) {
            finishReason = FinishReason.CANCELLED;
        }
        cache.close();
    }
}
