package io.hybridllm.core.privacy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@link PrivacyScannerBenchmark} timed in thread CPU time instead of wall time (a main method, not a test): on a
 * shared machine, time the scanning thread spends waiting for a core does not count. Same texts, same warm-up.
 */
public final class PrivacyScannerCpuBenchmark {
    private PrivacyScannerCpuBenchmark() {}

    public static void main(String[] args) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        PrivacyScanner scanner = PrivacyScanners.defaults();
        StringBuilder corpus = new StringBuilder();
        while (corpus.length() < 200_000) {
            for (String p : PrivacyScannerBenchmark.PROMPTS) {
                corpus.append(p).append('\n');
            }
        }
        String big = corpus.toString();
        String oneKb = big.substring(0, 1024);
        long sink = 0;
        for (int i = 0; i < 10; i++) {
            sink += scanner.scan(big).items().size();
        }
        double best = 0;
        double mb = (double) big.getBytes(StandardCharsets.UTF_8).length * 10 / 1e6;
        for (int rep = 0; rep < 3; rep++) {
            long c0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < 10; i++) {
                sink += scanner.scan(big).items().size();
            }
            best = Math.max(best, mb / ((mx.getCurrentThreadCpuTime() - c0) / 1e9));
        }
        for (int i = 0; i < 3_000; i++) {
            sink += scanner.scan(oneKb).items().size();
        }
        int n = 5_000;
        long[] lat = new long[n];
        for (int i = 0; i < n; i++) {
            long s = mx.getCurrentThreadCpuTime();
            sink += scanner.scan(oneKb).items().size();
            lat[i] = mx.getCurrentThreadCpuTime() - s;
        }
        Arrays.sort(lat);
        System.out.printf(
                Locale.ROOT, "cpu time: throughput %.1f MB/s single thread (best of 3 x 10 scans of 200 KB)%n", best);
        System.out.printf(
                Locale.ROOT,
                "cpu time: 1 KB prompt p50 %.1f us, p99 %.1f us, p99.9 %.1f us (%d runs)%n",
                lat[n / 2] / 1e3,
                lat[n * 99 / 100] / 1e3,
                lat[n * 999 / 1000] / 1e3,
                n);
        System.out.println("(checksum " + sink + ")");
    }
}
