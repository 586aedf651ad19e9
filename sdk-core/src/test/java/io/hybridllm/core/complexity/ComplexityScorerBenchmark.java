package io.hybridllm.core.complexity;

import io.hybridllm.core.ChatRequest;
import java.util.Arrays;
import java.util.Locale;

/**
 * Latency of {@code ComplexityScorers.defaults().score(...)} (features and the learned layer, no embeddings) on a
 * 2 KB prompt. Not a test (timings are never asserted); run it by hand, see docs/benchmarks-complexity.md:
 *
 * <pre>
 * java -cp sdk-core/target/classes:sdk-core/target/test-classes \
 *     io.hybridllm.core.complexity.ComplexityScorerBenchmark
 * </pre>
 */
public final class ComplexityScorerBenchmark {
    private ComplexityScorerBenchmark() {}

    /** A realistic 2,048-character prompt: prose, a constraint, numbers, a little code and a list. */
    static String prompt2k() {
        String base = "You are reviewing a pull request for a payment service. Explain step by step why the retry"
                + " loop below can double-charge a customer when the gateway times out after 30 seconds, compare"
                + " two fixes (idempotency keys versus a two-phase commit), and evaluate their trade-offs for a"
                + " system handling 1,200 requests per second at 99.9% availability. Answer in at most 300 words"
                + " and format the comparison as a table.\n"
                + "```java\nfor (int i = 0; i < 3; i++) { try { gateway.charge(card, amount); break; }"
                + " catch (TimeoutException e) { log.warn(\"retry {}\", i); } }\n```\n"
                + "- What happens if the first call succeeded on the server?\n"
                + "- Which fix is cheaper to operate, and why?\n";
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 2048) {
            sb.append(base);
        }
        return sb.substring(0, 2048);
    }

    public static void main(String[] args) {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        ComplexityScorer scorer = ComplexityScorers.defaults();
        ChatRequest request = ChatRequest.ofUserMessage(prompt2k());
        double sink = 0;
        for (int i = 0; i < warmup; i++) {
            sink += scorer.score(request).score();
        }
        long[] t = new long[samples];
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            sink += scorer.score(request).score();
            t[i] = System.nanoTime() - start;
        }
        Arrays.sort(t);
        System.out.printf(
                Locale.ROOT,
                "prompt_chars=%d samples=%d p50_us=%.1f p90_us=%.1f p99_us=%.1f p999_us=%.1f max_us=%.1f (sink %.3f)%n",
                request.lastUserText().length(),
                samples,
                t[samples / 2] / 1e3,
                t[(int) (samples * 0.9)] / 1e3,
                t[(int) (samples * 0.99)] / 1e3,
                t[(int) (samples * 0.999)] / 1e3,
                t[samples - 1] / 1e3,
                sink / (warmup + samples));
    }
}
