package io.hybridllm.core.internal;

import io.hybridllm.core.ChatChunk;
import io.hybridllm.core.ChatResponse;
import io.hybridllm.core.ChatStream;
import io.hybridllm.core.Interceptor;
import io.hybridllm.core.privacy.Redactor;
import io.hybridllm.core.routing.Route;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/** On the {@link Route#REMOTE_REDACTED} route: redacts the request and restores the answer, streamed or not. */
final class RedactionInterceptor implements Interceptor {
    private final Redactor redactor;

    RedactionInterceptor(Redactor redactor) {
        this.redactor = redactor;
    }

    @Override
    public ChatStream intercept(Chain chain) {
        CallState state = ((RealInterceptorChain) chain).state();
        if (state.decision.route() != Route.REMOTE_REDACTED) {
            return chain.proceed(chain.request());
        }
        Redactor.Redaction redaction = redactor.redact(chain.request(), state.assessment.privacy());
        ChatStream answer = chain.proceed(redaction.request());
        if (answer instanceof IteratorChatStream replay
                && replay.completedResponse().isPresent()) {
            return IteratorChatStream.replaying(
                    restore(replay.completedResponse().get(), redaction));
        }
        return ChatStream.of(new RestoringIterator(answer.iterator(), redaction), answer::close);
    }

    private static ChatResponse restore(ChatResponse response, Redactor.Redaction redaction) {
        ChatResponse.Builder b = response.toBuilder();
        b.choices(response.choices().stream()
                .map(c -> c.withMessage(
                        c.message().hasContent()
                                ? c.message()
                                        .withContent(
                                                redaction.restore(c.message().content()))
                                : c.message()))
                .toList());
        return b.build();
    }

    /** Restores placeholders per choice, holding back a possibly split placeholder until it is complete. */
    private static final class RestoringIterator implements Iterator<ChatChunk> {
        private final Iterator<ChatChunk> upstream;
        private final Redactor.Redaction redaction;
        private final Map<Integer, Redactor.StreamRestorer> restorers = new TreeMap<>();
        private final ArrayDeque<ChatChunk> tail = new ArrayDeque<>();
        private boolean upstreamDone;

        RestoringIterator(Iterator<ChatChunk> upstream, Redactor.Redaction redaction) {
            this.upstream = upstream;
            this.redaction = redaction;
        }

        @Override
        public boolean hasNext() {
            if (!tail.isEmpty()) {
                return true;
            }
            if (upstreamDone) {
                return false;
            }
            if (upstream.hasNext()) {
                return true;
            }
            upstreamDone = true;
            restorers.forEach((index, restorer) -> {
                String rest = restorer.finish();
                if (!rest.isEmpty()) {
                    tail.add(ChatChunk.builder().choiceIndex(index).delta(rest).build());
                }
            });
            return !tail.isEmpty();
        }

        @Override
        public ChatChunk next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            if (!tail.isEmpty()) {
                return tail.poll();
            }
            ChatChunk chunk = upstream.next();
            Redactor.StreamRestorer restorer =
                    restorers.computeIfAbsent(chunk.choiceIndex(), i -> redaction.newStreamRestorer());
            String text = restorer.push(chunk.delta());
            if (chunk.finishReason().isPresent()) {
                text += restorer.finish();
            }
            return chunk.toBuilder().delta(text).build();
        }
    }

    @Override
    public String toString() {
        return "RedactionInterceptor";
    }
}
