package io.hybridllm.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import io.hybridllm.core.ChatChoice;
import io.hybridllm.core.ChatMessage;
import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.ChatResponse;
import io.hybridllm.core.FinishReason;
import io.hybridllm.core.HybridClient;
import io.hybridllm.core.Usage;
import io.hybridllm.core.experiment.Experiment;
import io.hybridllm.core.spi.BackendCapabilities;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench core}: what the client itself costs per request: scoring plus routing, and a whole unary call
 * through the chain to an in-memory backend that answers at once, and the same call recorded by an experiment.
 */
@Command(
        name = "core",
        mixinStandardHelpOptions = true,
        description = "Measures per-request cost of scoring, routing and the interceptor chain; prints JSON.")
final class BenchCoreCommand implements Callable<Integer> {
    /** Keeps results reachable so the JIT cannot drop the measured work. */
    static volatile Object blackhole;

    @Option(
            names = "--iterations",
            defaultValue = "20000",
            description = "Measured requests (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--warmup", defaultValue = "20000", description = "Warm-up requests (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Override
    public Integer call() {
        List<ChatRequest> requests = DemoCommand.PROMPTS.stream()
                .map(p -> ChatRequest.builder().addUserMessage(p).maxTokens(16).build())
                .toList();
        try (HybridClient client = HybridClient.builder()
                .localBackend(StandInBackend.answering(
                        "local:instant", BackendCapabilities.builder().build(), r -> instantAnswer("local:instant")))
                .remoteBackend(StandInBackend.answering(
                        "remote:instant", BackendCapabilities.cloudDefaults(), r -> instantAnswer("remote:instant")))
                .build()) {
            JsonObject out = new JsonObject();
            out.add("score_and_route", measure(requests, r -> client.route(r)));
            out.add("chat_through_chain", measure(requests, client::chat));
            // The same calls from 100 users in an experiment: assignment, the record and its JSON line, no shadows.
            List<ChatRequest> enrolled = new ArrayList<>();
            for (int u = 0; u < 100; u++) {
                enrolled.add(requests.get(u % requests.size()).toBuilder()
                        .user("user-" + u)
                        .build());
            }
            try (HybridClient experimentClient = client.newBuilder()
                    .experiment(Experiment.builder("bench").build(), r -> blackhole = r.toJson())
                    .build()) {
                // Interleaved with the same calls outside the experiment, so JIT and machine drift show up as such.
                out.add("chat_enrolled_requests_no_experiment", measure(enrolled, client::chat));
                out.add("chat_in_experiment", measure(enrolled, experimentClient::chat));
                out.add("chat_enrolled_requests_no_experiment_again", measure(enrolled, client::chat));
            }
            out.addProperty("prompts", requests.size());
            out.addProperty("iterations", iterations);
            out.addProperty("java", System.getProperty("java.version"));
            System.out.println(new GsonBuilder().setPrettyPrinting().create().toJson(out));
        }
        return 0;
    }

    private JsonObject measure(List<ChatRequest> requests, java.util.function.Function<ChatRequest, ?> op) {
        Object sink = null;
        for (int i = 0; i < warmup; i++) {
            sink = op.apply(requests.get(i % requests.size()));
        }
        long[] nanos = new long[iterations];
        long start = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            long t0 = System.nanoTime();
            sink = op.apply(requests.get(i % requests.size()));
            nanos[i] = System.nanoTime() - t0;
        }
        long total = System.nanoTime() - start;
        Arrays.sort(nanos);
        JsonObject o = new JsonObject();
        o.addProperty("p50_us", nanos[iterations / 2] / 1000.0);
        o.addProperty("p99_us", nanos[(int) (iterations * 0.99)] / 1000.0);
        o.addProperty("max_us", nanos[iterations - 1] / 1000.0);
        o.addProperty("requests_per_s", iterations / (total / 1e9));
        blackhole = sink;
        return o;
    }

    private static ChatResponse instantAnswer(String backend) {
        return ChatResponse.builder()
                .id("bench")
                .model(backend)
                .backend(backend)
                .addChoice(ChatChoice.of(0, ChatMessage.assistant("ok"), FinishReason.STOP))
                .usage(Usage.of(8, 1))
                .build();
    }
}
