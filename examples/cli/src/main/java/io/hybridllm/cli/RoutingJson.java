package io.hybridllm.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import io.hybridllm.core.complexity.internal.LabelledPrompt;
import io.hybridllm.core.complexity.internal.RouterReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Shared helpers of the routing commands: reading prompt files and writing metrics as JSON. */
final class RoutingJson {
    private RoutingJson() {}

    /** Pretty-printed JSON that keeps nulls (an undefined metric is printed as null, not dropped). */
    static String toJson(JsonObject o) {
        return new GsonBuilder()
                .setPrettyPrinting()
                .serializeNulls()
                .disableHtmlEscaping()
                .create()
                .toJson(o);
    }

    /** One router's metrics; NaN (undefined) is written as null. */
    static JsonObject metrics(RouterReport r) {
        JsonObject o = new JsonObject();
        add(o, "apgr", r.apgr());
        add(o, "cpt50", r.cpt50());
        add(o, "cpt80", r.cpt80());
        add(o, "auroc", r.auroc());
        o.addProperty("n", r.n());
        o.addProperty("labelled", r.labelled());
        return o;
    }

    static void add(JsonObject o, String name, double v) {
        if (Double.isNaN(v)) {
            o.add(name, com.google.gson.JsonNull.INSTANCE);
        } else {
            o.addProperty(name, Math.round(v * 1e4) / 1e4);
        }
    }

    /** The JSONL files of {@code path}: the file itself, or the {@code *.jsonl} files of a folder by name. */
    static List<Path> jsonlFiles(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> s = Files.list(path)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jsonl"))
                    .sorted()
                    .toList();
        }
    }

    /** Reads prompts; files whose records are not prompt records are skipped with a note on stderr. */
    static List<LabelledPrompt> readAll(List<Path> files, boolean skipUnreadable) {
        List<LabelledPrompt> all = new ArrayList<>();
        for (Path f : files) {
            try {
                all.addAll(LabelledPrompt.read(f));
            } catch (IllegalArgumentException e) {
                if (!skipUnreadable) {
                    throw e;
                }
                System.err.println("skipping " + f.getFileName() + ": " + e.getMessage());
            }
        }
        return all;
    }
}
