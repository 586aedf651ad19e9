package io.hybridllm.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.hybridllm.core.privacy.PiiClass;
import io.hybridllm.core.privacy.PrivacyItem;
import io.hybridllm.core.privacy.PrivacyScanner;
import io.hybridllm.local.ner.OnnxEntityTagger;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code eval pii F.jsonl...}: runs the default privacy scanner over labelled JSONL files and prints span-level
 * precision/recall/F1 per class and per type, record-level leak and false-block rates, and, for secret fixtures
 * ({@code has_secret}), record-level recall and false-positive rate.
 */
@Command(
        name = "pii",
        mixinStandardHelpOptions = true,
        description = "Evaluates the privacy scanner on labelled JSONL files (spans or has_secret).")
final class EvalPiiCommand implements Callable<Integer> {
    @Parameters(
            arity = "1..*",
            paramLabel = "F.jsonl",
            description = "Labelled files: lines with text or text_b64, and spans or has_secret.")
    List<Path> files;

    @Option(names = "--region", description = "Default phone region (default: US).")
    String region;

    @Option(names = "--json", description = "Print the metrics as one JSON object instead of tables.")
    boolean json;

    @Option(
            names = "--show-errors",
            description = "Print up to N misses and false alarms per file, with their text (for tuning).")
    int showErrors;

    @Option(names = "--ner-model", paramLabel = "DIR", description = NerSupport.DESCRIPTION)
    Path nerModel;

    @Option(
            names = "--no-name-heuristics",
            description = "Turn the built-in name and place heuristics off (e.g. to score a --ner-model alone).")
    boolean noNameHeuristics;

    @Option(names = "--dump", description = "Also write each record's predicted items as JSONL to this file (no text).")
    Path dump;

    private java.io.Writer dumpWriter;

    @Override
    public Integer call() {
        if (dump != null) {
            try {
                dumpWriter = Files.newBufferedWriter(dump, StandardCharsets.UTF_8);
            } catch (IOException ex) {
                System.err.println("pii: cannot write " + dump + ": " + ex.getMessage());
                return 2;
            }
        }
        try {
            return run();
        } finally {
            if (dumpWriter != null) {
                try {
                    dumpWriter.close();
                } catch (IOException ex) {
                    System.err.println("pii: cannot write " + dump + ": " + ex.getMessage());
                }
            }
        }
    }

    private Integer run() {
        try (OnnxEntityTagger tagger = NerSupport.open(nerModel)) {
            return run(NerSupport.scanner(region, tagger, !noNameHeuristics));
        }
    }

    private Integer run(PrivacyScanner scanner) {
        PiiEvaluation total = new PiiEvaluation();
        JsonObject out = new JsonObject();
        JsonObject perFile = new JsonObject();
        PrintStream o = System.out;
        for (Path f : files) {
            PiiEvaluation e = new PiiEvaluation();
            int[] errors = {0};
            try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonObject rec = JsonParser.parseString(line).getAsJsonObject();
                    evaluate(scanner, rec, e, total, errors);
                }
            } catch (IOException ex) {
                System.err.println("pii: cannot read " + f + ": " + ex.getMessage());
                return 2;
            } catch (RuntimeException ex) {
                System.err.println("pii: bad record in " + f + ": " + ex.getMessage());
                return 2;
            }
            perFile.add(f.getFileName().toString(), toJson(e));
            if (!json) {
                o.println("== " + f.getFileName());
                print(e, o);
            }
        }
        out.add("files", perFile);
        out.add("total", toJson(total));
        if (json) {
            o.println(out);
        } else {
            o.println("== total over " + files.size() + " file(s)");
            print(total, o);
        }
        return 0;
    }

    private void evaluate(PrivacyScanner scanner, JsonObject rec, PiiEvaluation e, PiiEvaluation total, int[] errors) {
        String text = rec.has("text")
                ? rec.get("text").getAsString()
                : new String(Base64.getDecoder().decode(rec.get("text_b64").getAsString()), StandardCharsets.UTF_8);
        List<PrivacyItem> items = scanner.scan(text).items();
        if (dumpWriter != null) {
            JsonArray arr = new JsonArray();
            for (PrivacyItem i : items) {
                JsonObject x = new JsonObject();
                x.addProperty("type", i.type());
                x.addProperty("class", i.piiClass().name());
                x.addProperty("start", i.start());
                x.addProperty("end", i.end());
                x.addProperty("confidence", i.confidence());
                x.addProperty("detector", i.detector());
                arr.add(x);
            }
            JsonObject d = new JsonObject();
            if (rec.has("id")) {
                d.add("id", rec.get("id"));
            }
            d.add("items", arr);
            try {
                dumpWriter.write(d + "\n");
            } catch (IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        }
        if (rec.has("has_secret")) {
            boolean pos = rec.get("has_secret").getAsBoolean();
            String det = rec.has("detector") ? rec.get("detector").getAsString() : "?";
            e.secretRecord(pos, det, items);
            total.secretRecord(pos, det, items);
            boolean found = items.stream().anyMatch(p -> p.piiClass() == PiiClass.SECRET);
            if (found != pos && errors[0]++ < showErrors) {
                System.out.println((pos ? "MISS " : "FALSE ") + det + " " + abbreviate(text) + " " + items);
            }
            return;
        }
        List<PiiEvaluation.Gold> gold = new ArrayList<>();
        for (JsonElement s : rec.getAsJsonArray("spans")) {
            JsonObject o = s.getAsJsonObject();
            String label = o.get("type").getAsString();
            gold.add(new PiiEvaluation.Gold(
                    label,
                    PiiLabels.classOf(label).orElse(null),
                    o.get("start").getAsInt(),
                    o.get("end").getAsInt()));
        }
        Set<PiiClass> only = null;
        if (rec.has("checked_types")) {
            only = EnumSet.noneOf(PiiClass.class);
            for (JsonElement t : rec.getAsJsonArray("checked_types")) {
                PiiLabels.classOf(t.getAsString()).ifPresent(only::add);
            }
            if (only.isEmpty()) {
                return; // a type this scanner does not score
            }
        }
        int before = e.leaks + e.falseBlocks;
        long fpBefore = e.byClass.values().stream().mapToLong(c -> c.fp).sum();
        long hitBefore =
                e.byClass.values().stream().mapToLong(c -> c.gold - c.goldHit).sum();
        e.spanRecord(gold, items, only);
        total.spanRecord(gold, items, only);
        long fpAfter = e.byClass.values().stream().mapToLong(c -> c.fp).sum();
        long missAfter =
                e.byClass.values().stream().mapToLong(c -> c.gold - c.goldHit).sum();
        if ((e.leaks + e.falseBlocks > before || fpAfter > fpBefore || missAfter > hitBefore)
                && errors[0]++ < showErrors) {
            StringBuilder g = new StringBuilder();
            for (PiiEvaluation.Gold x : gold) {
                g.append(x.label()).append('[').append(text, x.start(), x.end()).append("] ");
            }
            StringBuilder p = new StringBuilder();
            for (PrivacyItem x : items) {
                p.append(x.type()).append('[').append(text, x.start(), x.end()).append("] ");
            }
            System.out.println("ERR " + abbreviate(text) + "\n   gold: " + g + "\n   pred: " + p);
        }
    }

    private static String abbreviate(String s) {
        String one = s.replace("\n", "\\n");
        return one.length() > 160 ? one.substring(0, 160) + "..." : one;
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "   -  " : String.format(Locale.ROOT, "%6.3f", v);
    }

    private static void print(PiiEvaluation e, PrintStream o) {
        if (e.spanRecords > 0) {
            o.printf(Locale.ROOT, "span-level (overlap + same class), %d records%n", e.spanRecords);
            o.println("  class       precision recall    F1     gold  pred");
            for (Map.Entry<PiiClass, PiiEvaluation.Counts> c : e.byClass.entrySet()) {
                PiiEvaluation.Counts k = c.getValue();
                o.printf(
                        Locale.ROOT,
                        "  %-10s  %s    %s  %s  %5d %5d%n",
                        c.getKey(),
                        pct(k.precision()),
                        pct(k.recall()),
                        pct(k.f1()),
                        k.gold,
                        k.tp + k.fp);
            }
            o.println("  recall per data label:");
            e.byGoldLabel.forEach(
                    (l, k) -> o.printf(Locale.ROOT, "    %-28s %s  (%d spans)%n", l, pct(k.recall()), k.gold));
            o.println("  precision per predicted type:");
            e.byPredictedType.forEach(
                    (l, k) -> o.printf(Locale.ROOT, "    %-28s %s  (%d items)%n", l, pct(k.precision()), k.tp + k.fp));
            o.printf(
                    Locale.ROOT,
                    "  leak rate: %s (%d of %d records with a blocking-class span had no blocking item)%n",
                    pct(ratio(e.leaks, e.recordsWithBlockingSpan)),
                    e.leaks,
                    e.recordsWithBlockingSpan);
            o.printf(
                    Locale.ROOT,
                    "  false-block rate: %s (%d of %d records without spans got a blocking item)%n",
                    pct(ratio(e.falseBlocks, e.recordsWithoutSpans)),
                    e.falseBlocks,
                    e.recordsWithoutSpans);
        }
        if (e.secretPositives + e.secretNegatives > 0) {
            o.printf(
                    Locale.ROOT,
                    "secrets (record level): recall %s (%d/%d), false-positive rate %s (%d/%d)%n",
                    pct(ratio(e.secretHits, e.secretPositives)),
                    e.secretHits,
                    e.secretPositives,
                    pct(ratio(e.secretFalseAlarms, e.secretNegatives)),
                    e.secretFalseAlarms,
                    e.secretNegatives);
        }
    }

    private static double ratio(int a, int b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }

    private static JsonObject toJson(PiiEvaluation e) {
        JsonObject j = new JsonObject();
        JsonObject classes = new JsonObject();
        e.byClass.forEach((c, k) -> classes.add(c.name(), counts(k)));
        j.add("classes", classes);
        JsonObject labels = new JsonObject();
        e.byGoldLabel.forEach((l, k) -> labels.add(l, counts(k)));
        j.add("recall_by_label", labels);
        JsonObject types = new JsonObject();
        e.byPredictedType.forEach((l, k) -> types.add(l, counts(k)));
        j.add("precision_by_type", types);
        j.addProperty("span_records", e.spanRecords);
        j.addProperty("leak_rate", ratio(e.leaks, e.recordsWithBlockingSpan));
        j.addProperty("leaks", e.leaks);
        j.addProperty("records_with_blocking_span", e.recordsWithBlockingSpan);
        j.addProperty("false_block_rate", ratio(e.falseBlocks, e.recordsWithoutSpans));
        j.addProperty("false_blocks", e.falseBlocks);
        j.addProperty("records_without_spans", e.recordsWithoutSpans);
        if (e.secretPositives + e.secretNegatives > 0) {
            j.addProperty("secret_recall", ratio(e.secretHits, e.secretPositives));
            j.addProperty("secret_false_positive_rate", ratio(e.secretFalseAlarms, e.secretNegatives));
            JsonArray det = new JsonArray();
            e.secretByDetector.forEach((d, v) -> {
                JsonObject x = new JsonObject();
                x.addProperty("detector", d);
                x.addProperty("positives", v[0]);
                x.addProperty("found", v[1]);
                x.addProperty("negatives", v[2]);
                x.addProperty("false_alarms", v[3]);
                det.add(x);
            });
            j.add("secrets_by_detector", det);
        }
        return j;
    }

    private static JsonObject counts(PiiEvaluation.Counts k) {
        JsonObject c = new JsonObject();
        c.addProperty("precision", k.precision());
        c.addProperty("recall", k.recall());
        c.addProperty("f1", k.f1());
        c.addProperty("gold", k.gold);
        c.addProperty("gold_found", k.goldHit);
        c.addProperty("predicted", k.tp + k.fp);
        c.addProperty("predicted_right", k.tp);
        return c;
    }
}
