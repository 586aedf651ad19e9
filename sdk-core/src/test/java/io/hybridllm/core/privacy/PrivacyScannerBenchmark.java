package io.hybridllm.core.privacy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Throughput and latency of the default scanner on prompt-like text (a main method, not a test; numbers go to
 * docs/benchmarks-privacy.md). Run: {@code java -cp <test-classes>:<classes>:<libphonenumber.jar>
 * io.hybridllm.core.privacy.PrivacyScannerBenchmark [--cpu]}.
 */
public final class PrivacyScannerBenchmark {
    private PrivacyScannerBenchmark() {}

    private static final int WARM_UP_SECONDS = 5;

    /** Hand-written prompts of the kinds a chat SDK sees: questions, code, e-mails, logs. */
    public static final String[] PROMPTS = {
        "Can you explain the difference between a process and a thread in operating systems? I am preparing for an "
                + "interview next week and would like a short answer with one example in Java and one in Python. "
                + "Please also mention how the Global Interpreter Lock changes things in CPython.",
        "Here is my function:\n\n    def fib(n):\n        if n < 2:\n            return n\n        return fib(n - 1) + "
                + "fib(n - 2)\n\nWhy is it so slow for n = 40, and how would memoization or an iterative version "
                + "help? Show the complexity of each version.",
        "Write a polite e-mail to my landlord saying the heating has been broken since 3 November and that I "
                + "would like it repaired before the weekend. Keep it under 150 words and friendly in tone.",
        "Summarize this log excerpt: 2024-05-02 10:14:03 INFO server started on port 8080; 2024-05-02 10:15:11 "
                + "WARN slow query took 2300 ms; 2024-05-02 10:17:45 ERROR connection reset by peer (retry 3/5).",
        "Translate to French: The meeting is moved to Thursday at 4 pm in room 2.14. Bring the quarterly "
                + "numbers and the draft of the marketing plan. Lunch will be provided for everyone attending.",
        "My name is Laura Bennett and my e-mail is laura.bennett@example.org. I was charged twice on my card "
                + "ending 4242 for order 55-10293. Could you draft a complaint to the shop asking for a refund?",
        "Give me a SQL query that returns the ten customers with the highest total order value in 2023, with "
                + "their city and the number of orders, from tables customers(id, name, city) and orders(id, "
                + "customer_id, total, created_at).",
        "What are three good hiking routes near Lake Como for a family with two children aged 8 and 11? We will "
                + "stay in Bellagio for five days in July and do not have a car.",
    };

    /**
     * Runs the benchmark in wall-clock time, or with {@code --cpu} in the scanning thread's CPU time, so that on a
     * shared machine the time spent waiting for a core does not count.
     */
    public static void main(String[] args) {
        boolean cpu = Arrays.asList(args).contains("--cpu");
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        LongSupplier clock = cpu ? mx::getCurrentThreadCpuTime : System::nanoTime;
        PrivacyScanner scanner = PrivacyScanners.defaults();
        StringBuilder corpus = new StringBuilder();
        while (corpus.length() < 200_000) {
            for (String p : PROMPTS) {
                corpus.append(p).append('\n');
            }
        }
        String big = corpus.toString();
        // A 1 KB prompt: the prompts joined until 1024 chars.
        String oneKb = big.substring(0, 1024);
        long sink = 0;
        // Warm-up by time, not by count: the JIT needs a few seconds whatever the scanner's speed.
        long warmEnd = System.nanoTime() + WARM_UP_SECONDS * 1_000_000_000L;
        while (System.nanoTime() < warmEnd) {
            sink += scanner.scan(big).items().size();
            for (int i = 0; i < 100; i++) {
                sink += scanner.scan(oneKb).items().size();
            }
        }
        int rounds = 10;
        double mb = (double) big.getBytes(StandardCharsets.UTF_8).length * rounds / 1e6;
        double best = 0;
        for (int rep = 0; rep < 3; rep++) {
            long t0 = clock.getAsLong();
            for (int i = 0; i < rounds; i++) {
                sink += scanner.scan(big).items().size();
            }
            best = Math.max(best, mb / ((clock.getAsLong() - t0) / 1e9));
        }
        for (int i = 0; i < 3_000; i++) {
            sink += scanner.scan(oneKb).items().size();
        }
        int n = 5_000;
        long[] lat = new long[n];
        for (int i = 0; i < n; i++) {
            long s = clock.getAsLong();
            sink += scanner.scan(oneKb).items().size();
            lat[i] = clock.getAsLong() - s;
        }
        Arrays.sort(lat);
        if (cpu) {
            System.out.printf(
                    Locale.ROOT,
                    "cpu time: throughput %.1f MB/s single thread (best of 3 x 10 scans of 200 KB, after %d s warm-up)%n",
                    best,
                    WARM_UP_SECONDS);
        } else {
            System.out.printf(
                    Locale.ROOT,
                    "throughput: %.1f MB/s single thread (best of 3 x %.1f MB of prompt-like text, after %d s warm-up)%n",
                    best,
                    mb,
                    WARM_UP_SECONDS);
        }
        System.out.printf(
                Locale.ROOT,
                "%s1 KB prompt%s p50 %.1f us, p99 %.1f us, p99.9 %.1f us (%d runs)%n",
                cpu ? "cpu time: " : "",
                cpu ? "" : " latency:",
                lat[n / 2] / 1e3,
                lat[n * 99 / 100] / 1e3,
                lat[n * 999 / 1000] / 1e3,
                n);
        System.out.println("(checksum " + sink + ")");
    }
}
