package io.hybridllm.local.internal;

import io.hybridllm.core.ChatChunk;
import io.hybridllm.core.FinishReason;
import io.hybridllm.core.TokenLogprob;
import io.hybridllm.core.Usage;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Pulls chunks from a {@link Generation} on demand: decodes tokens to text (whole UTF-8 characters only), cuts the
 * text at the first stop sequence, attaches per-token log-probabilities, and ends with a chunk carrying the finish
 * reason and usage. Not thread-safe.
 */
public final class CompletionRun implements Iterator<ChatChunk>, AutoCloseable {
    private final Generation generation;
    private final HfTokenizer tokenizer;
    private final Utf8StreamDecoder decoder;
    private final List<String> stops;
    private final int promptTokens;
    private final String id;
    private final String model;
    private final StringBuilder held = new StringBuilder();
    private ChatChunk next;
    private boolean finished;

    public CompletionRun(
            Generation generation,
            HfTokenizer tokenizer,
            List<String> stops,
            int promptTokens,
            String id,
            String model,
            boolean startOfText) {
        this.generation = generation;
        this.tokenizer = tokenizer;
        this.decoder = new Utf8StreamDecoder(tokenizer, startOfText);
        this.stops = stops;
        this.promptTokens = promptTokens;
        this.id = id;
        this.model = model;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !finished) {
            next = compute();
        }
        return next != null;
    }

    @Override
    public ChatChunk next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ChatChunk c = next;
        next = null;
        return c;
    }

    private ChatChunk compute() {
        while (true) {
            int token = generation.next();
            if (token == Generation.DONE) {
                held.append(decoder.flush());
                String rest = held.toString();
                held.setLength(0);
                finished = true;
                generation.close();
                return chunk(rest)
                        .finishReason(generation.finishReason())
                        .usage(Usage.of(promptTokens, generation.generatedTokens()))
                        .build();
            }
            String piece = decoder.append(token);
            TokenLogprob lp = TokenLogprob.of(
                    new String(tokenizer.tokenBytes(token), java.nio.charset.StandardCharsets.UTF_8),
                    generation.lastLogprob());
            held.append(piece);
            int stopAt = stopIndex();
            if (stopAt >= 0) {
                String text = held.substring(0, stopAt);
                held.setLength(0);
                generation.stop(FinishReason.STOP);
                finished = true;
                return chunk(text)
                        .addLogprob(lp)
                        .finishReason(FinishReason.STOP)
                        .usage(Usage.of(promptTokens, generation.generatedTokens()))
                        .build();
            }
            int safe = held.length() - longestStopPrefixSuffix();
            String text = held.substring(0, safe);
            held.delete(0, safe);
            return chunk(text).addLogprob(lp).build();
        }
    }

    private ChatChunk.Builder chunk(String delta) {
        return ChatChunk.builder().id(id).model(model).delta(delta);
    }

    private int stopIndex() {
        int best = -1;
        for (String s : stops) {
            int i = held.indexOf(s);
            if (i >= 0 && (best < 0 || i < best)) {
                best = i;
            }
        }
        return best;
    }

    /** How many trailing characters of the held text could still begin a stop sequence. */
    private int longestStopPrefixSuffix() {
        int keep = 0;
        for (String s : stops) {
            for (int len = Math.min(s.length() - 1, held.length()); len > keep; len--) {
                if (held.substring(held.length() - len).equals(s.substring(0, len))) {
                    keep = len;
                    break;
                }
            }
        }
        return keep;
    }

    @Override
    public void close() {
        finished = true;
        generation.close();
    }
}
