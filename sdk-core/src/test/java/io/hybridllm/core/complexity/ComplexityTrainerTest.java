package io.hybridllm.core.complexity;

import static org.assertj.core.api.Assertions.assertThat;

import io.hybridllm.core.complexity.internal.ComplexityModel;
import io.hybridllm.core.complexity.internal.ComplexityTrainer;
import io.hybridllm.core.complexity.internal.LabelledPrompt;
import io.hybridllm.core.complexity.internal.LearnedComplexityScorer;
import io.hybridllm.core.complexity.internal.MiniJson;
import io.hybridllm.core.complexity.internal.PromptFeatures;
import io.hybridllm.core.complexity.internal.RouterReport;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ComplexityTrainerTest {
    private static final String[] TOPICS = {"garden", "kitchen", "travel", "music", "sports", "weather", "pets"};

    /** Synthetic prompts: those mentioning "tensor" need the strong model, the rest do not. */
    private static List<LabelledPrompt> planted(int n, long seed) {
        Random rnd = new Random(seed);
        List<LabelledPrompt> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean hard = rnd.nextBoolean();
            String topic = TOPICS[rnd.nextInt(TOPICS.length)];
            String prompt = "Tell me about " + topic + (hard ? " and the tensor decomposition" : " and the weekend")
                    + " number " + i;
            String json = "{\"prompt\":\"" + prompt + "\",\"source\":\"synthetic\",\"label\":\""
                    + (hard ? "needs_strong" : "weak_ok") + "\"}";
            out.add(LabelledPrompt.of(MiniJson.parse(json), "synthetic", "line" + i));
        }
        return out;
    }

    private static ComplexityTrainer.Options quick() {
        ComplexityTrainer.Options d = ComplexityTrainer.Options.defaults();
        return new ComplexityTrainer.Options(
                d.l2Features(), d.l2Terms(), 3, d.maxTerms(), 150, d.learningRate(), d.minScale());
    }

    @Test
    void fit_sameData_givesIdenticalWeightsFile() {
        List<LabelledPrompt> data = planted(200, 1);
        String a = new ComplexityTrainer(quick()).fit(data).write("x");
        String b = new ComplexityTrainer(quick()).fit(data).write("x");
        assertThat(a).isEqualTo(b);
    }

    @Test
    void crossValidate_plantedTerm_isLearnedOutOfFold() {
        List<LabelledPrompt> data = planted(300, 2);
        double[] oof = new ComplexityTrainer(quick()).crossValidate(data, 5);
        RouterReport r = RouterReport.of("cv", data, oof);
        assertThat(r.auroc()).isGreaterThan(0.95);
        assertThat(r.apgr()).isGreaterThan(0.7);
        ComplexityModel model = new ComplexityTrainer(quick()).fit(data);
        int open = 2;
        int idx = model.segment(open).indexOf("tensor");
        assertThat(idx).isNotNegative();
        assertThat(model.segment(open).termWeight(idx)).isPositive();
    }

    @Test
    void fit_mathFamily_usesOnlyLengthDecimalsAndFractions_andNoTerms() {
        Random rnd = new Random(3);
        List<LabelledPrompt> data = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            boolean hard = rnd.nextBoolean();
            String prompt = "Sam buys " + (i + 2) + " pens for $3 each" + (hard ? " and gives away 1/3 of them" : "")
                    + ". How many pens does he have left?";
            String json = "{\"prompt\":\"" + prompt + "\",\"source\":\"synthetic\",\"label\":\""
                    + (hard ? "needs_strong" : "weak_ok") + "\"}";
            data.add(LabelledPrompt.of(MiniJson.parse(json), "synthetic", "line" + i));
        }
        assertThat(LearnedComplexityScorer.segmentOf(data.get(0).request())).isEqualTo(1);
        ComplexityModel model = new ComplexityTrainer(quick()).fit(data);
        var math = model.segment(PromptFeatures.SEGMENTS.indexOf("math"));
        assertThat(math.termCount()).isZero();
        for (int j = 0; j < PromptFeatures.COUNT; j++) {
            String name = PromptFeatures.NAMES.get(j);
            if (!List.of("length", "decimals", "fractions").contains(name)) {
                assertThat(math.weight(j)).as(name).isZero();
            }
        }
        assertThat(math.weight(PromptFeatures.NAMES.indexOf("fractions"))).isPositive();
    }

    @Test
    void fold_isStablePerGroup_andSpreadsGroups() {
        assertThat(ComplexityTrainer.fold("question 7", 5)).isEqualTo(ComplexityTrainer.fold("question 7", 5));
        long used = java.util.stream.IntStream.range(0, 100)
                .map(i -> ComplexityTrainer.fold("g" + i, 5))
                .distinct()
                .count();
        assertThat(used).isEqualTo(5);
    }

    @Test
    void labelledPrompt_secondTurn_sharesGroupWithFirstTurn_andReadsOutcomes() {
        LabelledPrompt t1 = LabelledPrompt.of(
                MiniJson.parse("{\"prompt\":\"Write  a Poem\",\"strong_score\":9,\"weak_score\":7,"
                        + "\"label\":\"needs_strong\"}"),
                "f",
                "1");
        LabelledPrompt t2 = LabelledPrompt.of(
                MiniJson.parse("{\"prompt\":\"Shorter.\",\"previous_turns\":[\"write a poem\"],"
                        + "\"strong_correct\":true,\"weak_correct\":false}"),
                "f",
                "2");
        assertThat(t2.group()).isEqualTo(t1.group());
        assertThat(t2.request().messages()).hasSize(2);
        assertThat(t2.request().lastUserText()).isEqualTo("Shorter.");
        assertThat(t1.qualityKind()).isEqualTo("judge_score");
        assertThat(t1.strongQuality() - t1.weakQuality()).isEqualTo(2);
        assertThat(t2.qualityKind()).isEqualTo("correctness");
        assertThat(t2.isTrainable()).isFalse();
    }

    @Test
    void committedWeights_areReproducedFromSharedData() throws Exception {
        Path dir = Path.of(System.getProperty("hybridllm.shared.dir", "../../shared"), "evaldata", "complexity");
        Assumptions.assumeTrue(
                Files.isRegularFile(dir.resolve("mt_bench.jsonl")),
                "shared routing data not found at " + dir + "; skipping the reproduction check");
        List<LabelledPrompt> data = new ArrayList<>();
        for (String f : List.of("gsm8k", "mmlu", "mt_bench")) {
            data.addAll(LabelledPrompt.read(dir.resolve(f + ".jsonl")));
        }
        String trained = withoutComments(new ComplexityTrainer(ComplexityTrainer.Options.defaults())
                .fit(data)
                .write(""));
        String committed;
        try (InputStream in = getClass().getResourceAsStream(LearnedComplexityScorer.DEFAULT_RESOURCE)) {
            committed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(trained).isEqualTo(withoutComments(committed));
    }

    private static String withoutComments(String model) {
        return model.lines().filter(l -> !l.startsWith("#")).collect(Collectors.joining("\n"));
    }
}
