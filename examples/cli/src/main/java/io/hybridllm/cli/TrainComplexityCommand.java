package io.hybridllm.cli;

import com.google.gson.JsonObject;
import io.hybridllm.core.complexity.internal.ComplexityModel;
import io.hybridllm.core.complexity.internal.ComplexityTrainer;
import io.hybridllm.core.complexity.internal.LabelledPrompt;
import io.hybridllm.core.complexity.internal.LearnedComplexityScorer;
import io.hybridllm.core.complexity.internal.RouterReport;
import io.hybridllm.core.complexity.internal.RoutingMetrics;
import io.hybridllm.core.errors.HybridException;
import io.hybridllm.local.embedding.EmbeddingHead;
import io.hybridllm.local.embedding.SentenceEmbedder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Trains the complexity model's weights from labelled JSONL files and reports grouped k-fold cross-validated routing
 * metrics per source. Deterministic: the same data gives the same file, byte for byte.
 */
@Command(
        name = "complexity",
        mixinStandardHelpOptions = true,
        description = "Trains the complexity scorer's weights on labelled JSONL (needs_strong / weak_ok / both_fail)"
                + " and prints grouped k-fold cross-validated APGR, CPT and AUROC per source as JSON.")
final class TrainComplexityCommand implements Callable<Integer> {
    @Option(
            names = "--data",
            required = true,
            paramLabel = "DIR|FILE",
            description = "A JSONL file, or a folder whose *.jsonl files are all read (in name order).")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the weights.")
    Path out;

    @Option(
            names = "--folds",
            defaultValue = "5",
            paramLabel = "K",
            description = "Cross-validation folds, grouped by conversation/duplicate prompt; 0 skips it (default 5).")
    int folds;

    @Option(
            names = "--sources",
            split = ",",
            paramLabel = "NAME",
            description = "Only records whose 'source' (else file name) is one of these; default: all.")
    List<String> sources;

    @Option(
            names = "--embedding-out",
            paramLabel = "FILE",
            description = "Also train the optional embedding layer (all-MiniLM-L6-v2, in process) on top of the"
                    + " features and write its weights here; the cross-validation then reports both.")
    Path embeddingOut;

    @Option(
            names = "--embedding-tokens",
            defaultValue = "48",
            paramLabel = "N",
            description = "Word pieces of each prompt the embedding layer reads, [CLS] and [SEP] included; its cost"
                    + " is about proportional. 0 = the tokenizer's own truncation, 128. Default 48, as the committed"
                    + " head (cross-validated APGR within noise of 128 at about 40%% of the cost). Recorded in the"
                    + " head file.")
    int embeddingTokens;

    @Override
    public Integer call() {
        try {
            List<Path> files = RoutingJson.jsonlFiles(data);
            List<LabelledPrompt> all = RoutingJson.readAll(files, true);
            if (sources != null && !sources.isEmpty()) {
                all = all.stream().filter(p -> sources.contains(p.source())).toList();
            }
            List<LabelledPrompt> trainable = ComplexityTrainer.trainable(all);
            if (trainable.isEmpty()) {
                System.err.println("train complexity: no records labelled needs_strong or weak_ok under " + data);
                return 1;
            }
            ComplexityTrainer.Options options = ComplexityTrainer.Options.defaults();
            ComplexityTrainer trainer = new ComplexityTrainer(options);
            Map<String, Integer> counts = new TreeMap<>();
            for (LabelledPrompt p : trainable) {
                counts.merge(p.source(), 1, Integer::sum);
            }
            ComplexityModel model = trainer.fit(all);
            String header = "hybridllm complexity model, written by: hybrid-cli train complexity\n"
                    + "trained on " + trainable.size() + " labelled prompts: " + counts + "\n"
                    + "options: " + options
                    + (sources == null || sources.isEmpty() ? "" : "\nsources: " + String.join(",", sources));
            Files.writeString(out, model.write(header), StandardCharsets.UTF_8);

            float[][] embeddings = null;
            if (embeddingOut != null) {
                embeddings = embedAll(all);
                List<LabelledPrompt> rows = new ArrayList<>();
                List<float[]> rowEmbeddings = new ArrayList<>();
                List<Double> offsets = new ArrayList<>();
                LearnedComplexityScorer featuresScorer = new LearnedComplexityScorer(model);
                for (int i = 0; i < all.size(); i++) {
                    if (all.get(i).isTrainable()) {
                        rows.add(all.get(i));
                        rowEmbeddings.add(embeddings[i]);
                        offsets.add(featuresScorer.logit(all.get(i).request()));
                    }
                }
                EmbeddingHead head = EmbeddingHead.fit(
                        rows,
                        rowEmbeddings.toArray(new float[0][]),
                        offsets.stream().mapToDouble(Double::doubleValue).toArray(),
                        embeddingTokens);
                Files.writeString(
                        embeddingOut,
                        head.write("hybridllm complexity embedding head (all-MiniLM-L6-v2), written by: hybrid-cli"
                                + " train complexity --embedding-out\non top of the features model trained on "
                                + trainable.size() + " labelled prompts: " + counts),
                        StandardCharsets.UTF_8);
            }

            JsonObject report = new JsonObject();
            report.addProperty("out", out.toString());
            report.addProperty("trained_on", trainable.size());
            report.addProperty("terms", model.termCount());
            if (folds > 0) {
                report.addProperty("folds", folds);
                report.addProperty("grouping", "group field, else normalized first user turn");
                report.add("cross_validation", crossValidation(trainer, all, embeddings));
            }
            System.out.println(RoutingJson.toJson(report));
            return 0;
        } catch (IOException e) {
            System.err.println("train complexity: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException | HybridException e) {
            System.err.println("train complexity: " + e.getMessage());
            return 1;
        }
    }

    /** Embeddings of every record's last user message, in order. */
    private float[][] embedAll(List<LabelledPrompt> all) {
        float[][] out = new float[all.size()][];
        try (SentenceEmbedder embedder = SentenceEmbedder.open(embeddingTokens)) {
            for (int i = 0; i < out.length; i++) {
                out[i] = embedder.embed(all.get(i).request().lastUserText());
            }
        }
        return out;
    }

    /** Out-of-fold logits of features plus embedding head, fold by fold as {@link ComplexityTrainer#fold}. */
    private double[] crossValidateWithEmbeddings(
            ComplexityTrainer trainer, List<LabelledPrompt> all, float[][] embeddings) {
        double[] out = new double[all.size()];
        for (int f = 0; f < folds; f++) {
            List<LabelledPrompt> train = new ArrayList<>();
            List<float[]> trainEmbeddings = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).isTrainable()
                        && ComplexityTrainer.fold(all.get(i).group(), folds) != f) {
                    train.add(all.get(i));
                    trainEmbeddings.add(embeddings[i]);
                }
            }
            LearnedComplexityScorer scorer = new LearnedComplexityScorer(trainer.fit(train));
            double[] offsets =
                    train.stream().mapToDouble(p -> scorer.logit(p.request())).toArray();
            EmbeddingHead head =
                    EmbeddingHead.fit(train, trainEmbeddings.toArray(new float[0][]), offsets, embeddingTokens);
            for (int i = 0; i < all.size(); i++) {
                if (ComplexityTrainer.fold(all.get(i).group(), folds) == f) {
                    out[i] = scorer.logit(all.get(i).request()) + head.logit(embeddings[i]);
                }
            }
        }
        return out;
    }

    private JsonObject crossValidation(ComplexityTrainer trainer, List<LabelledPrompt> all, float[][] embeddings) {
        double[] oof = trainer.crossValidate(all, folds);
        double[] oofEmbedding = embeddings == null ? null : crossValidateWithEmbeddings(trainer, all, embeddings);
        Map<String, List<Integer>> bySource = new TreeMap<>();
        for (int i = 0; i < all.size(); i++) {
            if (!Double.isNaN(oof[i])) {
                bySource.computeIfAbsent(all.get(i).source(), k -> new ArrayList<>())
                        .add(i);
            }
        }
        JsonObject cv = new JsonObject();
        for (Map.Entry<String, List<Integer>> e : bySource.entrySet()) {
            List<LabelledPrompt> prompts = new ArrayList<>();
            double[] scores = new double[e.getValue().size()];
            double[] embeddingScores = new double[e.getValue().size()];
            int j = 0;
            for (int i : e.getValue()) {
                prompts.add(all.get(i));
                embeddingScores[j] = oofEmbedding == null ? 0 : oofEmbedding[i];
                scores[j++] = oof[i];
            }
            JsonObject source = new JsonObject();
            JsonObject complexity = RoutingJson.metrics(RouterReport.of("complexity", prompts, scores));
            RoutingJson.add(complexity, "calibration_error", calibrationError(prompts, scores));
            source.add("complexity", complexity);
            if (oofEmbedding != null) {
                JsonObject withEmbedding =
                        RoutingJson.metrics(RouterReport.of("complexity+embedding", prompts, embeddingScores));
                RoutingJson.add(withEmbedding, "calibration_error", calibrationError(prompts, embeddingScores));
                source.add("complexity_embedding", withEmbedding);
            }
            source.add(
                    "random",
                    RoutingJson.metrics(RouterReport.of("random", prompts, RouterReport.randomScores(prompts))));
            source.add(
                    "length",
                    RoutingJson.metrics(RouterReport.of("length", prompts, RouterReport.lengthScores(prompts))));
            double[] categoryPrior = RouterReport.categoryPriorScores(prompts, folds);
            if (categoryPrior != null) {
                source.add(
                        "category_prior",
                        RoutingJson.metrics(RouterReport.of("category_prior", prompts, categoryPrior)));
            }
            cv.add(e.getKey(), source);
        }
        return cv;
    }

    /** ECE (10 bins) of the out-of-fold probabilities against needs_strong, on the trainable records. */
    private static double calibrationError(List<LabelledPrompt> prompts, double[] logits) {
        List<Double> p = new ArrayList<>();
        List<Boolean> y = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            if (prompts.get(i).isTrainable()) {
                p.add(1 / (1 + Math.exp(-logits[i])));
                y.add(LabelledPrompt.NEEDS_STRONG.equals(prompts.get(i).label()));
            }
        }
        boolean[] pos = new boolean[y.size()];
        for (int i = 0; i < pos.length; i++) {
            pos[i] = y.get(i);
        }
        return RoutingMetrics.expectedCalibrationError(
                p.stream().mapToDouble(Double::doubleValue).toArray(), pos, 10);
    }
}
