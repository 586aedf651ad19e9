package io.hybridllm.local.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.complexity.ComplexityAssessment;
import io.hybridllm.core.complexity.FeatureContribution;
import io.hybridllm.core.complexity.internal.LabelledPrompt;
import io.hybridllm.core.complexity.internal.LearnedComplexityScorer;
import io.hybridllm.core.complexity.internal.MiniJson;
import io.hybridllm.core.errors.ConfigurationException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddingLayerTest {
    private static SentenceEmbedder embedder;

    @BeforeAll
    static void open() {
        embedder = SentenceEmbedder.open();
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Test
    void embed_isUnitLength_andRelatedTextsAreCloserThanUnrelated() {
        float[] bread = embedder.embed("How do I bake bread at home?");
        float[] recipe = embedder.embed("What is a good recipe for homemade bread?");
        float[] proof = embedder.embed("Prove that there are infinitely many primes.");
        assertThat(bread).hasSize(SentenceEmbedder.DIMENSIONS);
        assertThat(dot(bread, bread)).isCloseTo(1, within(1e-4));
        assertThat(dot(bread, recipe)).isGreaterThan(dot(bread, proof) + 0.2);
    }

    @Test
    void head_fitOnPlantedDirection_scoresPositivesHigher_andRoundTripsThroughText() {
        List<LabelledPrompt> prompts = new ArrayList<>();
        float[][] e = new float[40][SentenceEmbedder.DIMENSIONS];
        for (int i = 0; i < 40; i++) {
            boolean hard = i % 2 == 0;
            prompts.add(LabelledPrompt.of(
                    MiniJson.parse(
                            "{\"prompt\":\"p" + i + "\",\"label\":\"" + (hard ? "needs_strong" : "weak_ok") + "\"}"),
                    "s",
                    "l" + i));
            e[i][0] = hard ? 1 : -1;
            e[i][1 + i % 7] = 0.5f;
        }
        EmbeddingHead head = EmbeddingHead.fit(prompts, e, new double[40]);
        assertThat(head.logit(e[0])).isGreaterThan(head.logit(e[1]));
        EmbeddingHead reloaded = EmbeddingHead.parse(new StringReader(head.write("test")), "test");
        assertThat(reloaded.logit(e[0])).isEqualTo(head.logit(e[0]));
    }

    @Test
    void head_parseMalformed_throwsConfigurationException() {
        assertThatThrownBy(() -> EmbeddingHead.parse(new StringReader("format 1\nbias 0\nweights 1 2\n"), "t"))
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> EmbeddingHead.parse(new StringReader("format 1\nbias x\n"), "t"))
                .isInstanceOf(ConfigurationException.class);
    }

    @Test
    void scorer_addsTheEmbeddingCorrectionToTheFeaturesLogit() {
        ChatRequest request = ChatRequest.ofUserMessage("Write a Python function that merges two sorted lists.");
        try (EmbeddingComplexityScorer scorer = EmbeddingComplexityScorer.open()) {
            ComplexityAssessment a = scorer.score(request);
            FeatureContribution embedding = a.contributions().stream()
                    .filter(c -> c.name().equals("embedding"))
                    .findFirst()
                    .orElseThrow();
            double logit = LearnedComplexityScorer.defaults().logit(request) + embedding.contribution();
            assertThat(a.score()).isBetween(0.0, 1.0).isCloseTo(1 / (1 + Math.exp(-logit)), within(1e-9));
        }
    }

    @Test
    void scorer_smallTalk_keepsTheFeaturesCap_withoutRunningTheEmbedding() {
        ChatRequest greeting = ChatRequest.ofUserMessage("Hi! How are you today?");
        try (EmbeddingComplexityScorer scorer = EmbeddingComplexityScorer.open()) {
            ComplexityAssessment a = scorer.score(greeting);
            assertThat(a.score())
                    .isEqualTo(
                            LearnedComplexityScorer.defaults().score(greeting).score());
            assertThat(a.contributions())
                    .extracting(FeatureContribution::name)
                    .contains(LearnedComplexityScorer.SMALL_TALK)
                    .doesNotContain("embedding");
        }
    }

    @Test
    void smallerTokenBudget_sameEmbeddingForShortTexts_differentForLongOnes() {
        String shortText = "Prove that there are infinitely many primes.";
        String longText = (shortText + " Then explain the argument to a child, step by step. ").repeat(10);
        try (SentenceEmbedder small = SentenceEmbedder.open(32)) {
            assertThat(small.maxTokens()).isEqualTo(32);
            assertThat(embedder.maxTokens()).isEqualTo(128);
            float[] a = small.embed(shortText);
            float[] b = embedder.embed(shortText);
            for (int d = 0; d < SentenceEmbedder.DIMENSIONS; d++) {
                assertThat(a[d]).isCloseTo(b[d], within(1e-5f));
            }
            assertThat(dot(small.embed(longText), embedder.embed(longText))).isLessThan(0.9999);
        }
    }

    @Test
    void open_rejectsATokenBudgetOutsideTheModelsPositions() {
        assertThatThrownBy(() -> SentenceEmbedder.open(4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SentenceEmbedder.open(513)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void head_recordsItsTokenBudget_andTheScorerRefusesAnEmbedderWithAnother() {
        List<LabelledPrompt> prompts = new ArrayList<>();
        float[][] e = new float[4][SentenceEmbedder.DIMENSIONS];
        for (int i = 0; i < 4; i++) {
            prompts.add(LabelledPrompt.of(
                    MiniJson.parse("{\"prompt\":\"p" + i + "\",\"label\":\"" + (i % 2 == 0 ? "needs_strong" : "weak_ok")
                            + "\"}"),
                    "s",
                    "l" + i));
            e[i][0] = i % 2 == 0 ? 1 : -1;
        }
        EmbeddingHead head = EmbeddingHead.fit(prompts, e, new double[4], 32);
        EmbeddingHead reloaded = EmbeddingHead.parse(new StringReader(head.write("test")), "test");
        assertThat(reloaded.tokens()).isEqualTo(32);
        assertThatThrownBy(() -> EmbeddingComplexityScorer.of(LearnedComplexityScorer.defaults(), reloaded, embedder))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32");
        assertThatThrownBy(() ->
                        EmbeddingHead.parse(new StringReader(head.write("t").replace("tokens 32", "tokens 3")), "t"))
                .isInstanceOf(ConfigurationException.class);
    }
}
