package io.hybridllm.cli;

import com.google.gson.JsonObject;
import io.hybridllm.core.complexity.ComplexityScorer;
import io.hybridllm.core.complexity.ComplexityScorers;
import io.hybridllm.core.complexity.internal.ComplexityTrainer;
import io.hybridllm.core.complexity.internal.LabelledPrompt;
import io.hybridllm.core.complexity.internal.RouterReport;
import io.hybridllm.core.errors.ConfigurationException;
import io.hybridllm.core.errors.HybridException;
import io.hybridllm.local.embedding.EmbeddingComplexityScorer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Evaluates the complexity scorer as a router on a JSONL file with per-prompt outcomes, next to two baselines
 * (random and prompt length). Prints one JSON object; see docs/routing.md for the format.
 */
@Command(
        name = "routing",
        mixinStandardHelpOptions = true,
        description = "Evaluates the complexity scorer as a router on a labelled JSONL file: APGR, CPT(50%%), CPT(80%%)"
                + " and AUROC for the scorer and for the random and prompt-length baselines, as JSON.")
final class EvalRoutingCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "JSONL prompts with outcomes (see docs/routing.md).")
    Path file;

    @Option(
            names = "--model",
            paramLabel = "WEIGHTS",
            description = "Weights written by 'train complexity' (default: the built-in weights).")
    Path model;

    @Option(
            names = "--cv",
            paramLabel = "K",
            description = "Instead of the given weights, score each prompt with weights trained by the default recipe"
                    + " on the other K-1 folds of FILE itself (grouped k-fold); 0 = off. When the records carry"
                    + " two or more 'category' values, also reports the category-prior baseline on the same folds.")
    int folds;

    @Option(
            names = "--embeddings",
            description = "Score with the optional embedding layer (all-MiniLM-L6-v2 in process) on top of the"
                    + " features.")
    boolean embeddings;

    @Option(
            names = "--embedding-head",
            paramLabel = "FILE",
            description = "Head weights written by 'train complexity --embedding-out' (with --model; implies"
                    + " --embeddings).")
    Path embeddingHead;

    @Override
    public Integer call() {
        try {
            List<LabelledPrompt> prompts = LabelledPrompt.read(file);
            if (prompts.isEmpty()) {
                System.err.println("routing: no records in " + file);
                return 1;
            }
            String scorerName;
            double[] scores = new double[prompts.size()];
            if (folds > 0) {
                scores = new ComplexityTrainer(ComplexityTrainer.Options.defaults()).crossValidate(prompts, folds);
                scorerName = "cross-validated (" + folds + "-fold, grouped) default recipe";
            } else if (embeddings || embeddingHead != null) {
                try (EmbeddingComplexityScorer scorer = embeddingHead == null
                        ? EmbeddingComplexityScorer.open()
                        : EmbeddingComplexityScorer.open(
                                model == null ? builtInModelMissing() : model, embeddingHead)) {
                    for (int i = 0; i < scores.length; i++) {
                        scores[i] = scorer.score(prompts.get(i).request()).score();
                    }
                }
                scorerName = embeddingHead == null ? "built-in weights with embedding layer" : embeddingHead.toString();
            } else {
                ComplexityScorer scorer =
                        model == null ? ComplexityScorers.defaults() : ComplexityScorers.fromModelFile(model);
                for (int i = 0; i < scores.length; i++) {
                    scores[i] = scorer.score(prompts.get(i).request()).score();
                }
                scorerName = model == null ? "built-in weights" : model.toString();
            }
            JsonObject out = new JsonObject();
            out.addProperty("file", file.getFileName().toString());
            out.addProperty("prompts", prompts.size());
            out.addProperty("quality", prompts.get(0).qualityKind());
            out.addProperty("scorer", scorerName);
            out.addProperty("ties", "averaged over all orderings of tied scores (exact expectation)");
            out.add("complexity", RoutingJson.metrics(RouterReport.of("complexity", prompts, scores)));
            out.add(
                    "random",
                    RoutingJson.metrics(RouterReport.of("random", prompts, RouterReport.randomScores(prompts))));
            out.add(
                    "length",
                    RoutingJson.metrics(RouterReport.of("length", prompts, RouterReport.lengthScores(prompts))));
            double[] categoryPrior = folds > 0 ? RouterReport.categoryPriorScores(prompts, folds) : null;
            if (categoryPrior != null) {
                out.add(
                        "category_prior",
                        RoutingJson.metrics(RouterReport.of("category_prior", prompts, categoryPrior)));
            }
            System.out.println(RoutingJson.toJson(out));
            return 0;
        } catch (IllegalArgumentException | HybridException e) {
            System.err.println("routing: " + e.getMessage());
            return 1;
        }
    }

    private static Path builtInModelMissing() {
        throw new ConfigurationException("--embedding-head needs --model (the features model it was trained with)");
    }
}
