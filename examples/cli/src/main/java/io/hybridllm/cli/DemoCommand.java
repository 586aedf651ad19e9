package io.hybridllm.cli;

import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.ChatResponse;
import io.hybridllm.core.HybridClient;
import io.hybridllm.core.errors.HybridException;
import io.hybridllm.core.routing.Route;
import io.hybridllm.core.routing.RoutingDecision;
import io.hybridllm.core.scoring.RequestAssessment;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code demo}: scores, routes and answers a built-in set of varied prompts through the real client, and prints a
 * table. Needs no API key: requests that would escalate say so and are served locally or refused per policy.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Scores, routes and answers a built-in set of prompts, and prints what happened and why.")
final class DemoCommand implements Callable<Integer> {
    /** The built-in prompts: chit-chat, a story, hard reasoning, contact and card data, a leaked key, a coding task. */
    static final List<String> PROMPTS = List.of(
            "Hi! How are you today?",
            "Once upon a time there was a little dog who",
            "Implement a lock-free concurrent queue in C++ using atomics, explain the memory ordering of each"
                    + " operation, and prove that it is linearizable.",
            "Please e-mail jane.doe@example.com the receipt for my card 4111 1111 1111 1111.",
            "Why does my deploy fail? My config has aws_access_key_id = AKIAIOSFODNN7EXAMPLE in it.",
            "Write a Python function that parses a CSV file with quoted fields and embedded newlines, handles"
                    + " malformed rows, and comes with unit tests.");

    @Mixin
    BackendOptions backends;

    @Option(
            names = "--max-tokens",
            defaultValue = "48",
            description = "Completion limit per answer (default: ${DEFAULT-VALUE}).")
    int maxTokens;

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        ClientFactory.Setup setup = ClientFactory.create(backends);
        out.println("Hybrid LLM demo  (policy: " + backends.policy + (backends.redact ? ", redaction on" : "") + ")");
        out.println("  local:  " + wrap(setup.localNote, 100, "          "));
        out.println("  remote: " + wrap(setup.remoteNote, 100, "          "));
        boolean localReady = setup.localAvailable;
        // Without the model, route as if it were there, so the table still shows where each request would go.
        HybridClient planner = localReady ? setup.client : setup.assumingLocalModel();
        if (!localReady) {
            out.println("  Without a local model, requests are scored and routed as if it were present, but not"
                    + " answered.");
        }
        out.println();
        out.printf(
                Locale.ROOT,
                "%-2s %-42s %5s %-8s %-8s %8s  %s%n",
                "#",
                "prompt",
                "cplx",
                "privacy",
                "route",
                "latency",
                "answer");
        int n = 0;
        StringBuilder details = new StringBuilder();
        try (HybridClient client = setup.client) {
            for (String prompt : PROMPTS) {
                n++;
                ChatRequest request = ChatRequest.builder()
                        .addUserMessage(prompt)
                        .maxTokens(maxTokens)
                        .temperature(0)
                        .build();
                RequestAssessment assessment = planner.assess(request);
                RoutingDecision planned = planner.route(request, assessment);
                String answer;
                RoutingDecision taken = planned;
                long start = System.nanoTime();
                String latency = "-";
                if (planned.route() == Route.REFUSED || (!localReady && planned.route() == Route.LOCAL)) {
                    answer = planned.route() == Route.REFUSED ? "(refused by policy)" : "(not run: no local model)";
                } else {
                    try {
                        ChatResponse response = client.chat(request);
                        taken = response.routingDecision().orElse(planned);
                        answer = response.text().strip().replaceAll("\\s+", " ");
                        latency = String.format(Locale.ROOT, "%.0f ms", (System.nanoTime() - start) / 1e6);
                    } catch (HybridException e) {
                        answer = "(" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
                    }
                }
                out.printf(
                        Locale.ROOT,
                        "%-2d %-42s %5.2f %-8s %-8s %8s  %s%n",
                        n,
                        clip(prompt, 42),
                        assessment.complexity().score(),
                        assessment.privacy().level(),
                        taken.route(),
                        latency,
                        clip(answer, 60));
                details.append(String.format(
                        Locale.ROOT,
                        "%d. %s%n   privacy: %s%n   why:     %s%n",
                        n,
                        assessment.complexity().explanation(),
                        assessment.privacy().explanation(),
                        taken.explanation()));
            }
        }
        out.println();
        out.print(details);
        return 0;
    }

    /** Breaks a long note into lines of at most {@code width} characters, continued with {@code indent}. */
    static String wrap(String text, int width, String indent) {
        StringBuilder out = new StringBuilder();
        int lineLength = 0;
        for (String word : text.split(" ")) {
            if (lineLength > 0 && lineLength + 1 + word.length() > width) {
                out.append(System.lineSeparator()).append(indent);
                lineLength = 0;
            } else if (lineLength > 0) {
                out.append(' ');
                lineLength++;
            }
            out.append(word);
            lineLength += word.length();
        }
        return out.toString();
    }

    private static String clip(String s, int width) {
        String flat = s.replaceAll("\\s+", " ");
        return flat.length() <= width ? flat : flat.substring(0, width - 1) + "…";
    }
}
