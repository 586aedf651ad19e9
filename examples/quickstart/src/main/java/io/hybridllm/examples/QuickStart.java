package io.hybridllm.examples;

import io.hybridllm.core.ChatChunk;
import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.ChatResponse;
import io.hybridllm.core.ChatStream;
import io.hybridllm.core.HybridClient;
import io.hybridllm.core.routing.RoutingPolicies;
import io.hybridllm.local.LocalChatBackend;
import io.hybridllm.remote.OpenAiCompatibleBackend;
import java.nio.file.Path;

/**
 * The README's quick start: a local model plus one OpenAI-compatible endpoint, one unary and one streamed request.
 *
 * <pre>{@code
 * HYBRID_API_KEY=... java -cp ... io.hybridllm.examples.QuickStart models/SmolLM2-135M-Instruct https://openrouter.ai/api/v1
 * }</pre>
 */
public final class QuickStart {
    private QuickStart() {}

    public static void main(String[] args) {
        Path modelDir = Path.of(args.length > 0 ? args[0] : "models/SmolLM2-135M-Instruct");
        String baseUrl = args.length > 1 ? args[1] : "https://openrouter.ai/api/v1";
        try (HybridClient client = HybridClient.builder()
                .localBackend(
                        LocalChatBackend.builder().modelDirectory(modelDir).build())
                .remoteBackend(OpenAiCompatibleBackend.builder()
                        .baseUrl(baseUrl)
                        .apiKey(System.getenv("HYBRID_API_KEY"))
                        .model("openai/gpt-4o-mini")
                        .build())
                .routingPolicy(RoutingPolicies.hybrid())
                .build()) {
            ChatResponse r = client.chat(ChatRequest.ofUserMessage("Why is the sky blue?"));
            System.out.println(r.text());
            System.out.println(r.routingDecision().orElseThrow().explanation());

            try (ChatStream stream = client.chatStreaming(ChatRequest.ofUserMessage("Tell me a short story."))) {
                for (ChatChunk chunk : stream) {
                    System.out.print(chunk.delta());
                }
            }
            System.out.println();
        }
    }
}
