package io.hybridllm.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.hybridllm.core.ChatChunk;
import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.ChatResponse;
import io.hybridllm.core.ChatStream;
import io.hybridllm.core.spi.CallContext;
import io.hybridllm.remote.OpenAiCompatibleBackend;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Benchmarks the remote client against a loopback server and prints the numbers as JSON: per-request latency and
 * throughput of {@code OpenAiCompatibleBackend} versus a bare OkHttp call with Gson parsing against the same
 * server in the same run, non-streaming and streaming, at concurrency 1 and 64, plus bytes allocated per request.
 */
@Command(
        name = "remote",
        mixinStandardHelpOptions = true,
        description = "Benchmarks the remote client against a loopback server and prints the numbers as JSON.")
final class BenchRemoteCommand implements Callable<Integer> {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final String API_KEY = "bench-key";

    @Option(names = "--requests", description = "Measured requests per client and round (default: ${DEFAULT-VALUE}).")
    int requests = 1000;

    @Option(
            names = "--warmup",
            description = "Warm-up requests per client before measuring (default: ${DEFAULT-VALUE}).")
    int warmup = 2000;

    @Option(
            names = "--rounds",
            description = "Alternating rounds per scenario; the median round is reported (default: ${DEFAULT-VALUE}).")
    int rounds = 9;

    @Option(names = "--concurrency", split = ",", description = "Concurrency levels (default: 1,64).")
    int[] concurrency = {1, 64};

    @Option(names = "--chunks", description = "Content chunks per streamed completion (default: ${DEFAULT-VALUE}).")
    int chunks = 20;

    @Override
    public Integer call() throws Exception {
        boolean concurrencyOk =
                concurrency.length > 0 && Arrays.stream(concurrency).allMatch(c -> c >= 1 && c <= 512);
        if (requests < 1
                || requests > 1_000_000
                || warmup < 0
                || warmup > 1_000_000
                || rounds < 1
                || rounds > 100
                || chunks < 1
                || chunks > 10_000
                || !concurrencyOk) {
            System.err.println("remote: --requests must be in [1, 1000000], --warmup in [0, 1000000], --rounds in"
                    + " [1, 100], --chunks in [1, 10000], --concurrency values in [1, 512]");
            return 2;
        }
        String completion = completionJson();
        String stream = streamBody();
        // without TCP_NODELAY the server's separate header and body writes meet delayed ACKs (~40 ms a request)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        ExecutorService serverThreads = Executors.newFixedThreadPool(Math.max(8, max(concurrency) + 8));
        server.setExecutor(serverThreads);
        server.createContext("/v1/chat/completions", exchange -> serve(exchange, completion, stream));
        server.start();
        ConnectionPool pool = new ConnectionPool(max(concurrency) * 2 + 8, 5, TimeUnit.MINUTES);
        OkHttpClient bareClient = new OkHttpClient.Builder()
                .connectionPool(pool)
                .readTimeout(Duration.ofSeconds(30))
                .build();
        String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
        OpenAiCompatibleBackend backend = OpenAiCompatibleBackend.builder()
                .baseUrl(baseUrl)
                .apiKey(API_KEY)
                .model("bench-model")
                .okHttpClient(bareClient)
                .readTimeout(Duration.ofSeconds(30))
                .build();
        ChatRequest request = ChatRequest.builder()
                .addSystemMessage("You are a benchmark.")
                .addUserMessage("Say something short.")
                .maxTokens(64)
                .temperature(0.0)
                .build();
        String bareBody = "{\"model\":\"bench-model\",\"messages\":[{\"role\":\"system\",\"content\":\"You are a "
                + "benchmark.\"},{\"role\":\"user\",\"content\":\"Say something short.\"}],\"temperature\":0.0,"
                + "\"max_tokens\":64";
        Request bareChat = new Request.Builder()
                .url(baseUrl + "/chat/completions")
                .header("Authorization", "Bearer " + API_KEY)
                .post(RequestBody.create(bareBody + "}", JSON))
                .build();
        Request bareStream = new Request.Builder()
                .url(baseUrl + "/chat/completions")
                .header("Authorization", "Bearer " + API_KEY)
                .post(RequestBody.create(
                        bareBody + ",\"stream\":true,\"stream_options\":{\"include_usage\":true}}", JSON))
                .build();

        Map<String, Op> ops = Map.of(
                "bare_chat", () -> bareChat(bareClient, bareChat),
                "sdk_chat", () -> sdkChat(backend, request),
                "bare_stream", () -> bareStream(bareClient, bareStream),
                "sdk_stream", () -> sdkStream(backend, request));
        // sanity: both clients see the same answer
        if (ops.get("bare_chat").run() != ops.get("sdk_chat").run()
                || ops.get("bare_stream").run() != ops.get("sdk_stream").run()) {
            System.err.println("remote: the bare and SDK clients disagree about the fixed completion");
            return 1;
        }

        JsonObject out = new JsonObject();
        out.add("machine", machine());
        JsonObject setup = new JsonObject();
        setup.addProperty("server", "JDK HttpServer on 127.0.0.1, fixed completion");
        setup.addProperty("completion_bytes", completion.getBytes(StandardCharsets.UTF_8).length);
        setup.addProperty("stream_bytes", stream.getBytes(StandardCharsets.UTF_8).length);
        setup.addProperty("stream_chunks", chunks + 2);
        setup.addProperty("requests_per_round", requests);
        setup.addProperty("warmup_requests", warmup);
        setup.addProperty("rounds", rounds);
        setup.addProperty(
                "baseline",
                "OkHttp 4.12 execute() + Gson JsonParser (stream: readUtf8Line + JsonParser per data line)");
        out.add("setup", setup);
        JsonArray results = new JsonArray();
        try {
            for (String mode : new String[] {"chat", "stream"}) {
                for (int c : concurrency) {
                    results.add(scenario(mode, c, ops.get("bare_" + mode), ops.get("sdk_" + mode)));
                }
            }
        } finally {
            backend.close();
            server.stop(0);
            serverThreads.shutdownNow();
            pool.evictAll();
        }
        out.add("results", results);
        System.out.println(new GsonBuilder().setPrettyPrinting().create().toJson(out));
        return 0;
    }

    /** One measured operation; returns a checksum of what it read (the content length). */
    @FunctionalInterface
    interface Op {
        int run() throws Exception;
    }

    private JsonObject scenario(String mode, int threads, Op bare, Op sdk) throws Exception {
        run(bare, threads, warmup);
        run(sdk, threads, warmup);
        List<Measurement> bareRounds = new ArrayList<>();
        List<Measurement> sdkRounds = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            bareRounds.add(run(bare, threads, requests));
            sdkRounds.add(run(sdk, threads, requests));
        }
        Measurement b = median(bareRounds);
        Measurement s = median(sdkRounds);
        JsonObject o = new JsonObject();
        o.addProperty("mode", mode.equals("chat") ? "non-streaming" : "streaming");
        o.addProperty("concurrency", threads);
        o.add("bare", b.toJson());
        o.add("sdk", s.toJson());
        o.addProperty("latency_ratio_mean", round(s.meanMicros / b.meanMicros, 3));
        o.addProperty("latency_ratio_p50", round(s.p50Micros / b.p50Micros, 3));
        o.addProperty("throughput_ratio", round(s.throughput / b.throughput, 3));
        o.addProperty("sdk_overhead_micros_mean", round(s.meanMicros - b.meanMicros, 1));
        o.addProperty("sdk_extra_bytes_per_request", s.allocatedPerRequest - b.allocatedPerRequest);
        o.addProperty("caller_cpu_ratio", round(s.cpuMicros / b.cpuMicros, 3));
        return o;
    }

    private static Measurement median(List<Measurement> rounds) {
        List<Measurement> sorted = new ArrayList<>(rounds);
        sorted.sort((a, b) -> Double.compare(a.meanMicros, b.meanMicros));
        return sorted.get(sorted.size() / 2);
    }

    private static Measurement run(Op op, int threads, int count) throws Exception {
        if (count == 0) {
            return null;
        }
        long[] latencies = new long[count];
        long[] allocated = new long[threads];
        long[] cpu = new long[threads];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                int slot = t;
                futures.add(pool.submit(() -> {
                    com.sun.management.ThreadMXBean mx =
                            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
                    long id = Thread.currentThread().getId();
                    long before = mx.getThreadAllocatedBytes(id);
                    long cpuBefore = mx.getCurrentThreadCpuTime();
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        op.run();
                        latencies[i] = System.nanoTime() - t0;
                    }
                    allocated[slot] = mx.getThreadAllocatedBytes(id) - before;
                    cpu[slot] = mx.getCurrentThreadCpuTime() - cpuBefore;
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(10, TimeUnit.MINUTES);
            }
            long wall = System.nanoTime() - start;
            return new Measurement(
                    latencies,
                    wall,
                    Arrays.stream(allocated).sum() / count,
                    Arrays.stream(cpu).sum() / 1000.0 / count);
        } finally {
            pool.shutdownNow();
        }
    }

    private static final class Measurement {
        final double meanMicros;
        final double p50Micros;
        final double p99Micros;
        final double throughput;
        final long allocatedPerRequest;
        final double cpuMicros;

        Measurement(long[] latencies, long wallNanos, long allocatedPerRequest, double cpuMicros) {
            this.cpuMicros = cpuMicros;
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            this.meanMicros = Arrays.stream(sorted).average().orElse(0) / 1000.0;
            this.p50Micros = sorted[sorted.length / 2] / 1000.0;
            this.p99Micros = sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))] / 1000.0;
            this.throughput = sorted.length / (wallNanos / 1e9);
            this.allocatedPerRequest = allocatedPerRequest;
        }

        JsonObject toJson() {
            JsonObject o = new JsonObject();
            o.addProperty("mean_us", round(meanMicros, 1));
            o.addProperty("p50_us", round(p50Micros, 1));
            o.addProperty("p99_us", round(p99Micros, 1));
            o.addProperty("throughput_rps", round(throughput, 0));
            o.addProperty("allocated_bytes_per_request", allocatedPerRequest);
            o.addProperty("caller_cpu_us_per_request", round(cpuMicros, 1));
            return o;
        }
    }

    private static int bareChat(OkHttpClient client, Request request) throws IOException {
        try (Response response = client.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code());
            }
            try (Reader reader = response.body().charStream()) {
                JsonObject root = JsonParser.parseReader(reader).getAsJsonObject();
                return root.getAsJsonArray("choices")
                        .get(0)
                        .getAsJsonObject()
                        .getAsJsonObject("message")
                        .get("content")
                        .getAsString()
                        .length();
            }
        }
    }

    private static int sdkChat(OpenAiCompatibleBackend backend, ChatRequest request) {
        ChatResponse response = backend.chat(request, CallContext.create());
        return response.text().length();
    }

    private static int bareStream(OkHttpClient client, Request request) throws IOException {
        try (Response response = client.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code());
            }
            BufferedSource source = response.body().source();
            int length = 0;
            for (String line = source.readUtf8Line(); line != null; line = source.readUtf8Line()) {
                if (!line.startsWith("data: ") || line.equals("data: [DONE]")) {
                    continue;
                }
                JsonObject chunk = JsonParser.parseString(line.substring(6)).getAsJsonObject();
                JsonArray choices = chunk.getAsJsonArray("choices");
                if (choices.size() > 0) {
                    JsonElement content = choices.get(0)
                            .getAsJsonObject()
                            .getAsJsonObject("delta")
                            .get("content");
                    if (content != null && !content.isJsonNull()) {
                        length += content.getAsString().length();
                    }
                }
            }
            return length;
        }
    }

    private static int sdkStream(OpenAiCompatibleBackend backend, ChatRequest request) {
        int length = 0;
        try (ChatStream stream = backend.chatStreaming(request, CallContext.create())) {
            for (ChatChunk chunk : stream) {
                length += chunk.delta().length();
            }
        }
        return length;
    }

    private static void serve(HttpExchange exchange, String completion, String stream) throws IOException {
        byte[] request;
        try (InputStream in = exchange.getRequestBody()) {
            request = in.readAllBytes();
        }
        boolean streaming = new String(request, StandardCharsets.UTF_8).contains("\"stream\":true");
        byte[] body = (streaming ? stream : completion).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", streaming ? "text/event-stream" : "application/json");
        exchange.getResponseHeaders().set("x-request-id", "req_bench");
        exchange.sendResponseHeaders(200, streaming ? 0 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String completionJson() {
        return "{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion\",\"created\":1767225600,"
                + "\"model\":\"bench-model\",\"system_fingerprint\":\"fp_bench\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":\"The quick brown fox jumps over the lazy dog. "
                + "Pack my box with five dozen liquor jugs. How vexingly quick daft zebras jump!\",\"refusal\":null},"
                + "\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":24,"
                + "\"completion_tokens\":28,\"total_tokens\":52,\"prompt_tokens_details\":{\"cached_tokens\":0},"
                + "\"completion_tokens_details\":{\"reasoning_tokens\":0}}}";
    }

    private String streamBody() {
        String head = "data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1767225600,"
                + "\"model\":\"bench-model\",\"system_fingerprint\":\"fp_bench\",\"choices\":[";
        StringBuilder b = new StringBuilder();
        b.append(head)
                .append(
                        "{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\n\n");
        for (int i = 0; i < chunks; i++) {
            b.append(head)
                    .append("{\"index\":0,\"delta\":{\"content\":\" word")
                    .append(i)
                    .append("\"},\"logprobs\":null,\"finish_reason\":null}]}\n\n");
        }
        b.append(head).append("{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
        b.append(head)
                .append("],\"usage\":{\"prompt_tokens\":24,\"completion_tokens\":")
                .append(chunks)
                .append(",\"total_tokens\":")
                .append(24 + chunks)
                .append("}}\n\n");
        b.append("data: [DONE]\n\n");
        return b.toString();
    }

    private static JsonObject machine() {
        JsonObject m = new JsonObject();
        m.addProperty("available_processors", Runtime.getRuntime().availableProcessors());
        m.addProperty("cpu_model", cpuModel());
        m.addProperty("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        m.addProperty("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.addProperty("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        m.addProperty(
                "load_average_1m_at_start",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return m;
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: unknown
        }
        return "unknown";
    }

    private static int max(int[] values) {
        return Arrays.stream(values).max().orElse(1);
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
