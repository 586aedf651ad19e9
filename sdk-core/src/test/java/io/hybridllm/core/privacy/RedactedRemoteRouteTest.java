package io.hybridllm.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hybridllm.core.ChatChoice;
import io.hybridllm.core.ChatChunk;
import io.hybridllm.core.ChatMessage;
import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.ChatResponse;
import io.hybridllm.core.ChatStream;
import io.hybridllm.core.FinishReason;
import io.hybridllm.core.HybridClient;
import io.hybridllm.core.errors.HybridException;
import io.hybridllm.core.routing.RoutingPolicies;
import io.hybridllm.core.spi.BackendCapabilities;
import io.hybridllm.core.spi.BackendHealth;
import io.hybridllm.core.spi.CallContext;
import io.hybridllm.core.spi.ChatBackend;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The client chain on the redacted remote route: what the cloud sees, what the caller gets back. */
class RedactedRemoteRouteTest {
    /** A remote backend that answers by repeating the last user message, streamed three characters at a time. */
    static final class EchoBackend implements ChatBackend {
        final List<ChatRequest> seen = new CopyOnWriteArrayList<>();

        @Override
        public String name() {
            return "remote:echo";
        }

        @Override
        public BackendCapabilities capabilities() {
            return BackendCapabilities.cloudDefaults();
        }

        @Override
        public BackendHealth health() {
            return BackendHealth.ready();
        }

        private String answer(ChatRequest request) {
            seen.add(request);
            return "You said: " + request.lastUserText();
        }

        @Override
        public ChatResponse chat(ChatRequest request, CallContext context) {
            return ChatResponse.builder()
                    .id("r1")
                    .model("echo")
                    .addChoice(ChatChoice.of(0, ChatMessage.assistant(answer(request)), FinishReason.STOP))
                    .build();
        }

        @Override
        public ChatStream chatStreaming(ChatRequest request, CallContext context) {
            String text = answer(request);
            List<ChatChunk> chunks = new ArrayList<>();
            for (int i = 0; i < text.length(); i += 3) {
                chunks.add(ChatChunk.ofText(text.substring(i, Math.min(text.length(), i + 3))));
            }
            Iterator<ChatChunk> it = chunks.iterator();
            return ChatStream.of(it, () -> {});
        }

        @Override
        public void close() {}
    }

    private final EchoBackend remote = new EchoBackend();
    private final HybridClient client = HybridClient.builder()
            .remoteBackend(remote)
            .routingPolicy(RoutingPolicies.remoteOnly())
            .privacyRule(PrivacyRule.withRedaction())
            .build();

    @Test
    void theCloudSeesPlaceholdersAndTheCallerTheOriginals() {
        ChatResponse r = client.chat(ChatRequest.ofUserMessage("Please e-mail jo@example.com today"));
        assertThat(remote.seen).singleElement().satisfies(req -> assertThat(req.lastUserText())
                .isEqualTo("Please e-mail <EMAIL_ADDRESS_1> today"));
        assertThat(r.text()).isEqualTo("You said: Please e-mail jo@example.com today");
    }

    @Test
    void streamedAnswersAreRestoredAcrossChunkBoundaries() {
        StringBuilder out = new StringBuilder();
        try (ChatStream s = client.chatStreaming(ChatRequest.ofUserMessage("call Maria Fernandez at jo@example.com"))) {
            s.iterator().forEachRemaining(c -> out.append(c.delta()));
        }
        assertThat(remote.seen.get(0).lastUserText())
                .doesNotContain("jo@example.com")
                .doesNotContain("Maria");
        assertThat(out.toString()).isEqualTo("You said: call Maria Fernandez at jo@example.com");
    }

    @Test
    void theOutboundCheckRefusesARedactionThatLeftDataBehind() {
        Redactor leaky = (request, assessment) -> new Redactor.Redaction() {
            @Override
            public ChatRequest request() {
                return request;
            }

            @Override
            public int placeholderCount() {
                return 0;
            }

            @Override
            public String restore(String text) {
                return text;
            }

            @Override
            public Redactor.StreamRestorer newStreamRestorer() {
                return Redactor.placeholders().redact(request, assessment).newStreamRestorer();
            }
        };
        HybridClient leakyClient = HybridClient.builder()
                .remoteBackend(remote)
                .routingPolicy(RoutingPolicies.remoteOnly())
                .privacyRule(PrivacyRule.withRedaction())
                .redactor(leaky)
                .build();
        assertThatThrownBy(() -> leakyClient.chat(ChatRequest.ofUserMessage("Please e-mail jo@example.com today")))
                .isInstanceOf(io.hybridllm.core.errors.PolicyViolationException.class);
        assertThat(remote.seen).isEmpty();
    }

    @Test
    void criticalRequestsNeverReachTheCloud() {
        assertThatThrownBy(() -> client.chat(ChatRequest.ofUserMessage("my card is 4539 1488 0343 6467")))
                .isInstanceOf(HybridException.class);
        assertThat(remote.seen).isEmpty();
    }
}
