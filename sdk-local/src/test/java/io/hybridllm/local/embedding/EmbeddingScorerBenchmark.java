package io.hybridllm.local.embedding;

import io.hybridllm.core.ChatRequest;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * Latency of {@link EmbeddingComplexityScorer#score} (features plus the embedding layer) on a 2 KB prompt: wall
 * time, and the calling thread's CPU time (ONNX Runtime runs on the caller with one intra-op thread), which moves
 * less with other load on a shared machine. Not a test (timings are never asserted); see
 * docs/benchmarks-complexity.md for how to run it.
 */
public final class EmbeddingScorerBenchmark {
    private EmbeddingScorerBenchmark() {}

    public static void main(String[] args) {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        String base = "You are reviewing a pull request for a payment service. Explain step by step why the retry"
                + " loop below can double-charge a customer when the gateway times out after 30 seconds, compare"
                + " two fixes (idempotency keys versus a two-phase commit), and evaluate their trade-offs. ";
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 2048) {
            sb.append(base);
        }
        ChatRequest request = ChatRequest.ofUserMessage(sb.substring(0, 2048));
        double sink = 0;
        try (EmbeddingComplexityScorer scorer = EmbeddingComplexityScorer.open()) {
            for (int i = 0; i < warmup; i++) {
                sink += scorer.score(request).score();
            }
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long[] t = new long[samples];
            long[] cpu = new long[samples];
            for (int i = 0; i < samples; i++) {
                long cpuStart = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                sink += scorer.score(request).score();
                t[i] = System.nanoTime() - start;
                cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
            }
            Arrays.sort(t);
            Arrays.sort(cpu);
            System.out.printf(
                    Locale.ROOT,
                    "prompt_chars=%d samples=%d p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f"
                            + " cpu_p50_ms=%.2f cpu_p90_ms=%.2f cpu_p99_ms=%.2f (sink %.3f)%n",
                    request.lastUserText().length(),
                    samples,
                    t[samples / 2] / 1e6,
                    t[(int) (samples * 0.9)] / 1e6,
                    t[(int) (samples * 0.99)] / 1e6,
                    t[samples - 1] / 1e6,
                    cpu[samples / 2] / 1e6,
                    cpu[(int) (samples * 0.9)] / 1e6,
                    cpu[(int) (samples * 0.99)] / 1e6,
                    sink / (warmup + samples));
        }
    }
}
