package io.hybridllm.core.complexity;

import static org.assertj.core.api.Assertions.assertThat;

import io.hybridllm.core.ChatRequest;
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

    private static LabelledPrompt correctness(String prompt, boolean strong, boolean weak, int i) {
        String label = strong && !weak ? "needs_strong" : !strong && !weak ? "both_fail" : "weak_ok";
        String json = "{\"prompt\":\"" + prompt + "\",\"source\":\"synthetic\",\"label\":\"" + label
                + "\",\"strong_correct\":" + strong + ",\"weak_correct\":" + weak + "}";
        return LabelledPrompt.of(MiniJson.parse(json), "synthetic", "line" + i);
    }

    @Test
    void gainTarget_mapsTheStrongModelsQualityGainOntoZeroToOne() {
        assertThat(ComplexityTrainer.gainTarget(correctness("a", true, false, 0)))
                .isEqualTo(1);
        assertThat(ComplexityTrainer.gainTarget(correctness("a", true, true, 0)))
                .isEqualTo(0.5);
        assertThat(ComplexityTrainer.gainTarget(correctness("a", false, false, 0)))
                .isEqualTo(0.5);
        assertThat(ComplexityTrainer.gainTarget(correctness("a", false, true, 0)))
                .isEqualTo(0);
        LabelledPrompt judged = LabelledPrompt.of(
                MiniJson.parse(
                        "{\"prompt\":\"a\",\"strong_score\":10.0,\"weak_score\":1.0,\"label\":\"needs_strong\"}"),
                "s",
                "1");
        assertThat(ComplexityTrainer.gainTarget(judged)).isEqualTo(1);
    }

    @Test
    void fit_ranksWeakOnlyRightPromptsBelowBothRight_andNeedsStrongAbove() {
        // Three kinds of prompt, told apart by one word of equal length: mostly only the strong model right
        // (outcome 0), mostly both right (1), mostly only the weak one right (2); one outcome in four is random.
        List<LabelledPrompt> data = new ArrayList<>();
        Random rnd = new Random(4);
        for (int i = 0; i < 300; i++) {
            String topic = TOPICS[i % TOPICS.length];
            int kind = i % 3;
            String word = kind == 0 ? "tensor" : kind == 1 ? "window" : "jigsaw";
            int outcome = rnd.nextInt(4) == 0 ? rnd.nextInt(3) : kind;
            data.add(correctness(
                    "Tell me about " + topic + " and the " + word + " number " + i, outcome != 2, outcome != 0, i));
        }
        LearnedComplexityScorer scorer = new LearnedComplexityScorer(new ComplexityTrainer(quick()).fit(data));
        double needsStrong = scorer.logit(ChatRequest.ofUserMessage("Tell me about music and the tensor number 1000"));
        double bothRight = scorer.logit(ChatRequest.ofUserMessage("Tell me about music and the window number 1000"));
        double weakOnly = scorer.logit(ChatRequest.ofUserMessage("Tell me about music and the jigsaw number 1000"));
        assertThat(needsStrong).isGreaterThan(bothRight);
        assertThat(bothRight).isGreaterThan(weakOnly);
    }

    @Test
    void fit_scoreIsCalibratedToTheShareOfNeedsStrong() {
        // A third of the prompts need the strong model: the mean in-sample probability lands on that share.
        List<LabelledPrompt> data = new ArrayList<>();
        Random rnd = new Random(5);
        for (int i = 0; i < 300; i++) {
            boolean hard = rnd.nextInt(3) == 0;
            boolean tensor = hard ? rnd.nextInt(4) != 0 : rnd.nextInt(4) == 0;
            String prompt = "Tell me about " + TOPICS[i % TOPICS.length]
                    + (tensor ? " and the tensor" : " and the weekend") + " number " + i;
            data.add(correctness(prompt, true, !hard, i));
        }
        LearnedComplexityScorer scorer = new LearnedComplexityScorer(new ComplexityTrainer(quick()).fit(data));
        double meanScore = 0;
        double share = 0;
        for (LabelledPrompt p : data) {
            meanScore += scorer.score(p.request()).score() / data.size();
            share += (LabelledPrompt.NEEDS_STRONG.equals(p.label()) ? 1.0 : 0) / data.size();
        }
        assertThat(meanScore).isCloseTo(share, org.assertj.core.api.Assertions.within(0.02));
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
