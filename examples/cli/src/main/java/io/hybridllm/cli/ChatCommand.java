package io.hybridllm.cli;

import io.hybridllm.core.ChatChunk;
import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.ChatResponse;
import io.hybridllm.core.ChatStream;
import io.hybridllm.core.routing.RoutingDecision;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code chat}: one request through the client. The answer goes to stdout; {@code --explain} writes the routing
 * decision to stderr; a failure exits 1 with the typed error on stderr (see {@link HybridCli}).
 */
@Command(
        name = "chat",
        mixinStandardHelpOptions = true,
        description = "Sends one chat request through the hybrid client and prints the answer.")
final class ChatCommand implements Callable<Integer> {
    @Mixin
    BackendOptions backends;

    @Parameters(arity = "0..*", paramLabel = "PROMPT", description = "The prompt (default: read from stdin).")
    List<String> words = List.of();

    @Option(names = "--system", paramLabel = "TEXT", description = "A system message.")
    String system;

    @Option(names = "--max-tokens", defaultValue = "256", description = "Completion limit (default: ${DEFAULT-VALUE}).")
    int maxTokens;

    @Option(names = "--temperature", description = "Sampling temperature, 0 for greedy.")
    Double temperature;

    @Option(names = "--explain", description = "Print the scores and the routing decision to stderr.")
    boolean explain;

    @Option(names = "--stream", description = "Print the answer as it is generated.")
    boolean stream;

    @Override
    public Integer call() throws IOException {
        String prompt = words.isEmpty()
                ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8).strip()
                : String.join(" ", words);
        if (prompt.isEmpty()) {
            System.err.println("chat: empty prompt");
            return 2;
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        ChatRequest.Builder b = ChatRequest.builder().maxTokens(maxTokens);
        if (system != null) {
            b.addSystemMessage(system);
        }
        if (temperature != null) {
            b.temperature(temperature);
        }
        ChatRequest request = b.addUserMessage(prompt).build();
        ClientFactory.Setup setup = ClientFactory.create(backends);
        try (var client = setup.client) {
            if (explain) {
                var assessment = client.assess(request);
                System.err.println("complexity: " + assessment.complexity().explanation());
                System.err.println("privacy:    " + assessment.privacy().explanation());
                System.err.println("local:      " + setup.localNote);
                System.err.println("remote:     " + setup.remoteNote);
            }
            RoutingDecision decision;
            if (stream) {
                try (ChatStream s = client.chatStreaming(request)) {
                    for (ChatChunk chunk : s) {
                        out.print(chunk.delta());
                        out.flush();
                    }
                    decision = s.routingDecision().orElse(null);
                }
                out.println();
            } else {
                ChatResponse response = client.chat(request);
                out.println(response.text());
                decision = response.routingDecision().orElse(null);
            }
            if (explain && decision != null) {
                System.err.println("route:      " + decision.explanation());
            }
            return 0;
        }
    }
}
