package io.hybridllm.cli;

import io.hybridllm.core.ChatChunk;
import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.ChatStream;
import io.hybridllm.core.errors.HybridException;
import io.hybridllm.core.spi.CallContext;
import io.hybridllm.local.LocalChatBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Benchmarks the local engine and prints the numbers as JSON. */
@Command(
        name = "local",
        mixinStandardHelpOptions = true,
        description = "Benchmarks the local engine and prints the numbers as JSON.")
final class BenchLocalCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "model directory")
    Path model;

    @Option(names = "--max-tokens", defaultValue = "128", description = "tokens per run (default ${DEFAULT-VALUE})")
    int maxTokens;

    @Option(
            names = "--runs",
            defaultValue = "20",
            description = "measured runs after warm-up (default ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--warmup", defaultValue = "5", description = "warm-up runs (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(
            names = "--threads",
            defaultValue = "1",
            description = "ONNX Runtime intra-op threads (default ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--prompt", defaultValue = "", description = "prompt; empty starts from BOS")
    String prompt;

    @Override
    public Integer call() {
        long loadStart = System.nanoTime();
        try (LocalChatBackend backend = LocalChatBackend.builder()
                .modelDirectory(model)
                .intraOpThreads(threads)
                .build()) {
            double loadMs = (System.nanoTime() - loadStart) / 1e6;
            ChatRequest params = ChatRequest.builder()
                    .addUserMessage("-")
                    .maxTokens(maxTokens)
                    .temperature(0)
                    .build();
            for (int i = 0; i < warmup; i++) {
                runOnce(backend, params);
            }
            double[] ttft = new double[runs];
            double[] decode = new double[runs];
            double[] overhead = new double[runs];
            int tokens = 0;
            for (int i = 0; i < runs; i++) {
                double[] r = runOnce(backend, params);
                ttft[i] = r[0];
                decode[i] = r[1];
                overhead[i] = r[2];
                tokens = (int) r[3];
            }
            System.out.printf(
                    Locale.ROOT,
                    "{\"model\": \"%s\", \"threads\": %d, \"runs\": %d, \"tokens_per_run\": %d, "
                            + "\"load_ms\": %.1f, \"ttft_ms_median\": %.3f, \"decode_tokens_per_s_median\": %.1f, "
                            + "\"decode_tokens_per_s_best\": %.1f, \"java_overhead_us_per_token_median\": %.2f, "
                            + "\"java_overhead_us_per_token_best\": %.2f, \"peak_rss_mb\": %.1f}%n",
                    backend.name(),
                    threads,
                    runs,
                    tokens,
                    loadMs,
                    median(ttft),
                    median(decode),
                    Arrays.stream(decode).max().orElse(0),
                    median(overhead),
                    Arrays.stream(overhead).min().orElse(0),
                    peakRssMb());
            return 0;
        } catch (HybridException e) {
            System.err.println("bench local: " + e.getMessage());
            return 1;
        }
    }

    /** {ttft ms, decode tokens/s (after the first token), Java overhead µs per token, tokens}. */
    private double[] runOnce(LocalChatBackend backend, ChatRequest params) {
        long runBefore = backend.sessionRunNanos();
        long start = System.nanoTime();
        long first = 0;
        int tokens = 0;
        try (ChatStream stream = backend.completeStreaming(prompt, params, CallContext.create())) {
            Iterator<ChatChunk> it = stream.iterator();
            while (it.hasNext()) {
                ChatChunk c = it.next();
                if (!c.logprobs().isEmpty()) {
                    tokens += c.logprobs().size();
                    if (first == 0) {
                        first = System.nanoTime();
                    }
                }
            }
        }
        long end = System.nanoTime();
        long inRun = backend.sessionRunNanos() - runBefore;
        double ttftMs = (first - start) / 1e6;
        double decodeTps = tokens > 1 ? (tokens - 1) / ((end - first) / 1e9) : 0;
        double overheadUs = ((end - start) - inRun) / 1e3 / Math.max(1, tokens);
        return new double[] {ttftMs, decodeTps, overheadUs, tokens};
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length == 0 ? 0 : s[s.length / 2];
    }

    private static double peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: no peak RSS
        }
        return -1;
    }
}
