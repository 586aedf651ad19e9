package io.hybridllm.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.hybridllm.core.ChatMessage;
import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.HybridClient;
import io.hybridllm.core.Role;
import io.hybridllm.core.complexity.ComplexityScorer;
import io.hybridllm.core.complexity.ComplexityScorers;
import io.hybridllm.core.complexity.FeatureContribution;
import io.hybridllm.core.privacy.PrivacyItem;
import io.hybridllm.core.privacy.PrivacyRule;
import io.hybridllm.core.routing.RoutingDecision;
import io.hybridllm.core.routing.RoutingPolicies;
import io.hybridllm.core.scoring.CapabilityNeed;
import io.hybridllm.core.scoring.RequestAssessment;
import io.hybridllm.core.spi.BackendCapabilities;
import io.hybridllm.core.spi.BackendHealth;
import io.hybridllm.local.embedding.EmbeddingComplexityScorer;
import io.hybridllm.local.ner.OnnxEntityTagger;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code score}: scores prompts and prints one JSON object per line, in input order. The field names are a
 * contract: {@code id}, {@code complexity}, {@code privacy.level}, {@code privacy.items[].type/class/start/end/
 * confidence/detector}, {@code route}, {@code reasons}.
 */
@Command(
        name = "score",
        mixinStandardHelpOptions = true,
        description = {
            "Scores prompts (complexity, privacy) and shows the route the policy would take, one JSON object per line.",
            "Routing assumes a ready local model and a ready remote endpoint unless --offline or --no-local is given."
        })
final class ScoreCommand implements Callable<Integer> {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    @Parameters(arity = "0..*", paramLabel = "PROMPT", description = "Prompts to score (each one line of output).")
    List<String> prompts = List.of();

    @Option(
            names = "--file",
            paramLabel = "F.jsonl",
            description =
                    "JSONL input; each line carries 'prompt', 'text' or 'text_b64' (base64 UTF-8), or"
                            + " 'messages' (OpenAI-style); 'id' is echoed; 'previous_turns' (strings) become earlier user turns.")
    Path file;

    @Option(names = "--policy", defaultValue = "hybrid", description = "Routing policy (default: ${DEFAULT-VALUE}).")
    String policy;

    @Option(names = "--redact", description = "Allow HIGH-sensitivity requests to go remote redacted.")
    boolean redact;

    @Option(names = "--offline", description = "Route as if the remote endpoint were unreachable.")
    boolean offline;

    @Option(names = "--no-local", description = "Route as if no local model were available.")
    boolean noLocal;

    @Option(
            names = "--local-window",
            defaultValue = "2048",
            description = "Context window of the assumed local model, in tokens (default: ${DEFAULT-VALUE}).")
    int localWindow;

    @Option(names = "--show-values", description = "Include each item's matched text (off by default: it is PII).")
    boolean showValues;

    @Option(names = "--features", description = "Include the top complexity features.")
    boolean features;

    @Option(names = "--ner-model", paramLabel = "DIR", description = NerSupport.DESCRIPTION)
    Path nerModel;

    @Option(
            names = "--embeddings",
            description = "Score complexity with the optional embedding layer (all-MiniLM-L6-v2 in process, a few"
                    + " milliseconds a prompt) on top of the built-in features model.")
    boolean embeddings;

    @Override
    public Integer call() throws IOException {
        if (file == null && prompts.isEmpty()) {
            System.err.println("score: give a PROMPT or --file F.jsonl");
            return 2;
        }
        int failures = 0;
        // stdout is not ours to close: wrap it, flush it, leave it open.
        Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
        try (OnnxEntityTagger tagger = NerSupport.open(nerModel);
                EmbeddingComplexityScorer embedding = embeddings ? EmbeddingComplexityScorer.open() : null;
                HybridClient client = plannedClient(tagger, embedding)) {
            for (String prompt : prompts) {
                writeLine(out, score(client, null, ChatRequest.ofUserMessage(prompt)));
            }
            if (file != null) {
                failures += scoreFile(client, out);
            }
        } finally {
            out.flush();
        }
        return failures == 0 ? 0 : 1;
    }

    private int scoreFile(HybridClient client, Writer out) throws IOException {
        int failures = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                JsonObject result;
                JsonElement id = null;
                try {
                    JsonObject in = JsonParser.parseString(line).getAsJsonObject();
                    id = in.get("id");
                    ChatRequest request = requestOf(in);
                    result = score(client, id, request);
                } catch (JsonParseException | IllegalArgumentException | IllegalStateException e) {
                    failures++;
                    result = new JsonObject();
                    if (id != null) {
                        result.add("id", id);
                    }
                    result.addProperty("line", lineNo);
                    result.addProperty("error", e.getMessage());
                }
                writeLine(out, result);
            }
        }
        return failures;
    }

    /** Reads the request out of one input line. */
    static ChatRequest requestOf(JsonObject in) {
        ChatRequest.Builder b = ChatRequest.builder();
        if (in.has("messages") && in.get("messages").isJsonArray()) {
            for (JsonElement m : in.getAsJsonArray("messages")) {
                JsonObject msg = m.getAsJsonObject();
                Role role = Role.fromWireName(msg.get("role").getAsString());
                String content = msg.has("content") && msg.get("content").isJsonPrimitive()
                        ? msg.get("content").getAsString()
                        : "";
                b.addMessage(
                        role == Role.TOOL
                                ? ChatMessage.tool(
                                        msg.has("tool_call_id")
                                                ? msg.get("tool_call_id").getAsString()
                                                : "",
                                        content)
                                : ChatMessage.builder(role).content(content).build());
            }
            return b.build();
        }
        if (in.has("previous_turns") && in.get("previous_turns").isJsonArray()) {
            for (JsonElement turn : in.getAsJsonArray("previous_turns")) {
                b.addUserMessage(turn.getAsString());
            }
        }
        b.addUserMessage(textOf(in));
        return b.build();
    }

    private static String textOf(JsonObject in) {
        for (String field : new String[] {"prompt", "text"}) {
            if (in.has(field) && in.get(field).isJsonPrimitive()) {
                return in.get(field).getAsString();
            }
        }
        if (in.has("text_b64") && in.get("text_b64").isJsonPrimitive()) {
            return new String(Base64.getDecoder().decode(in.get("text_b64").getAsString()), StandardCharsets.UTF_8);
        }
        throw new IllegalArgumentException("line has no 'prompt', 'text', 'text_b64' or 'messages' field");
    }

    private JsonObject score(HybridClient client, JsonElement id, ChatRequest request) {
        RequestAssessment a = client.assess(request);
        RoutingDecision d = client.route(request, a);
        JsonObject o = new JsonObject();
        if (id != null) {
            o.add("id", id);
        }
        o.addProperty("complexity", a.complexity().score());
        JsonObject privacy = new JsonObject();
        privacy.addProperty("level", a.privacy().level().name());
        JsonArray items = new JsonArray();
        int last = request.messages().size() - 1;
        for (PrivacyItem item : a.privacy().items()) {
            JsonObject i = new JsonObject();
            i.addProperty("type", item.type());
            i.addProperty("class", item.piiClass().name());
            i.addProperty("start", item.start());
            i.addProperty("end", item.end());
            i.addProperty("confidence", item.confidence());
            i.addProperty("detector", item.detector());
            if (item.messageIndex() != last) {
                i.addProperty("message", item.messageIndex());
            }
            if (showValues) {
                String source = request.messages().get(item.messageIndex()).content();
                i.addProperty("value", source.substring(item.start(), item.end()));
            }
            items.add(i);
        }
        privacy.add("items", items);
        o.add("privacy", privacy);
        o.addProperty("route", d.route().name());
        JsonArray reasons = new JsonArray();
        d.reasons().forEach(reasons::add);
        o.add("reasons", reasons);
        if (!a.needs().isEmpty()) {
            JsonArray needs = new JsonArray();
            a.needs().stream().map(CapabilityNeed::name).forEach(needs::add);
            o.add("needs", needs);
        }
        if (features) {
            JsonArray top = new JsonArray();
            for (FeatureContribution f : a.complexity().topContributions(5)) {
                JsonObject fo = new JsonObject();
                fo.addProperty("name", f.name());
                fo.addProperty("value", f.value());
                fo.addProperty("contribution", f.contribution());
                top.add(fo);
            }
            o.add("features", top);
        }
        return o;
    }

    private HybridClient plannedClient(OnnxEntityTagger tagger, ComplexityScorer complexity) {
        BackendCapabilities localCaps =
                BackendCapabilities.builder().contextWindow(localWindow).build();
        return HybridClient.builder()
                .complexityScorer(complexity != null ? complexity : ComplexityScorers.defaults())
                .localBackend(StandInBackend.planned(
                        "local:planned",
                        noLocal ? BackendHealth.unavailable("--no-local given") : BackendHealth.ready(),
                        localCaps))
                .remoteBackend(StandInBackend.planned(
                        "remote:planned",
                        offline ? BackendHealth.unavailable("--offline given") : BackendHealth.ready(),
                        BackendCapabilities.cloudDefaults()))
                .routingPolicy(RoutingPolicies.byName(policy))
                .privacyRule(redact ? PrivacyRule.withRedaction() : PrivacyRule.defaults())
                .privacyScanner(NerSupport.scanner(null, tagger, true))
                .build();
    }

    private static void writeLine(Writer out, JsonObject o) throws IOException {
        out.write(GSON.toJson(o));
        out.write('\n');
    }
}
