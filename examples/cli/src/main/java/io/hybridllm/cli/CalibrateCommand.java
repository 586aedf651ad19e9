package io.hybridllm.cli;

import com.google.gson.JsonObject;
import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.complexity.ComplexityScorer;
import io.hybridllm.core.complexity.ComplexityScorers;
import io.hybridllm.core.complexity.internal.LabelledPrompt;
import io.hybridllm.core.complexity.internal.ThresholdCalibration;
import io.hybridllm.core.errors.HybridException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Picks the complexity threshold that sends a target share of a prompt log to the strong model. */
@Command(
        name = "calibrate",
        mixinStandardHelpOptions = true,
        description = "Picks the complexity threshold that sends --target-share of the prompts in --log to the strong"
                + " model; prints it as JSON (use it with RoutingPolicies.hybrid(threshold)).")
final class CalibrateCommand implements Callable<Integer> {
    @Option(
            names = "--log",
            required = true,
            paramLabel = "FILE",
            description = "JSONL prompt log: one record a line with 'prompt' (and optional 'previous_turns') or"
                    + " 'messages'.")
    Path log;

    @Option(
            names = "--target-share",
            required = true,
            paramLabel = "SHARE",
            description = "Wanted share of strong-model calls, in [0, 1].")
    double targetShare;

    @Option(
            names = "--model",
            paramLabel = "WEIGHTS",
            description = "Weights written by 'train complexity' (default: the built-in weights).")
    Path model;

    @Override
    public Integer call() {
        try {
            List<ChatRequest> requests = LabelledPrompt.read(log).stream()
                    .map(LabelledPrompt::request)
                    .toList();
            if (requests.isEmpty()) {
                System.err.println("calibrate: no prompts in " + log);
                return 1;
            }
            ComplexityScorer scorer =
                    model == null ? ComplexityScorers.defaults() : ComplexityScorers.fromModelFile(model);
            double[] scores =
                    requests.stream().mapToDouble(r -> scorer.score(r).score()).toArray();
            double threshold = ThresholdCalibration.thresholdForShare(scores, targetShare);
            JsonObject out = new JsonObject();
            out.addProperty("prompts", scores.length);
            out.addProperty("target_share", targetShare);
            out.addProperty("threshold", threshold);
            out.addProperty("achieved_share", ThresholdCalibration.shareAtOrAbove(scores, threshold));
            out.addProperty("rule", "strong model when complexity >= threshold");
            System.out.println(RoutingJson.toJson(out));
            return 0;
        } catch (IllegalArgumentException | HybridException e) {
            System.err.println("calibrate: " + e.getMessage());
            return 1;
        }
    }
}
