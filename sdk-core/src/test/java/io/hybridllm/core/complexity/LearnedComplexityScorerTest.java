package io.hybridllm.core.complexity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.ToolDefinition;
import io.hybridllm.core.complexity.internal.ComplexityModel;
import io.hybridllm.core.complexity.internal.LearnedComplexityScorer;
import io.hybridllm.core.complexity.internal.PromptFeatures;
import io.hybridllm.core.errors.ConfigurationException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearnedComplexityScorerTest {
    private static final ChatRequest PROOF = ChatRequest.ofUserMessage(
            "Prove that the square root of 2 is irrational, then derive a bound on the integral of x^2 from 0 to 3.");

    @Test
    void defaults_isTheLearnedScorer_withScoresInUnitRangeAndNamedReasons() {
        ComplexityScorer scorer = ComplexityScorers.defaults();
        assertThat(scorer).isInstanceOf(LearnedComplexityScorer.class);
        ComplexityAssessment a = scorer.score(PROOF);
        assertThat(a.score()).isBetween(0.0, 1.0);
        assertThat(a.contributions()).isNotEmpty();
        assertThat(a.topContributions(3)).allSatisfy(c -> assertThat(c.name()).isNotBlank());
        assertThat(a.explanation()).startsWith("complexity ");
    }

    @Test
    void score_isSigmoidOfBiasPlusContributions() {
        LearnedComplexityScorer scorer = LearnedComplexityScorer.defaults();
        ComplexityAssessment a = scorer.score(PROOF);
        int segment = LearnedComplexityScorer.segmentOf(PROOF);
        double logit = scorer.model().segment(segment).bias()
                + a.contributions().stream()
                        .mapToDouble(FeatureContribution::contribution)
                        .sum();
        assertThat(a.score()).isCloseTo(1 / (1 + Math.exp(-logit)), org.assertj.core.api.Assertions.within(1e-9));
    }

    private static boolean cappedAsSmallTalk(String prompt) {
        return ComplexityScorers.defaults().score(ChatRequest.ofUserMessage(prompt)).contributions().stream()
                .anyMatch(c -> c.name().equals(LearnedComplexityScorer.SMALL_TALK));
    }

    @Test
    void smallTalk_isCappedFarBelowAnyThreshold_andTheCapIsAContribution() {
        for (String prompt : List.of("Hi! How are you today?", "Thanks, that helps!", "Good morning :)", "hello")) {
            ChatRequest request = ChatRequest.ofUserMessage(prompt);
            ComplexityAssessment a = ComplexityScorers.defaults().score(request);
            assertThat(a.score()).as(prompt).isLessThanOrEqualTo(LearnedComplexityScorer.SMALL_TALK_SCORE + 1e-12);
            double logit = LearnedComplexityScorer.defaults()
                            .model()
                            .segment(LearnedComplexityScorer.segmentOf(request))
                            .bias()
                    + a.contributions().stream()
                            .mapToDouble(FeatureContribution::contribution)
                            .sum();
            assertThat(a.score()).as(prompt).isCloseTo(1 / (1 + Math.exp(-logit)), within(1e-9));
        }
        // Without the cap the learned layer puts this greeting above the default threshold 0.3.
        assertThat(cappedAsSmallTalk("Hi! How are you today?")).isTrue();
    }

    @Test
    void smallTalk_withATaskNumbersOrCode_isScoredByTheModel() {
        assertThat(cappedAsSmallTalk("Hi! Can you prove that there are infinitely many primes?"))
                .isFalse();
        assertThat(cappedAsSmallTalk("Thanks! And what is 17 times 23?")).isFalse();
        assertThat(cappedAsSmallTalk("thanks `x++`")).isFalse();
        assertThat(cappedAsSmallTalk("hi hi hi hi hi hi hi hi hi hi hi hi hi")).isFalse(); // over 12 words
    }

    @Test
    void score_capabilityNeedsAreNotComplexity_toolsLeaveScoreUnchanged() {
        ChatRequest withTools = PROOF.toBuilder()
                .addTool(ToolDefinition.function("get_weather", "Current weather", "{\"type\":\"object\"}"))
                .build();
        assertThat(ComplexityScorers.defaults().score(withTools).score())
                .isEqualTo(ComplexityScorers.defaults().score(PROOF).score());
    }

    @Test
    void writtenModel_reloadsToIdenticalScores(@TempDir Path dir) throws Exception {
        ComplexityModel model = LearnedComplexityScorer.defaults().model();
        Path file = dir.resolve("model.txt");
        Files.writeString(file, model.write("round trip"));
        ComplexityScorer reloaded = ComplexityScorers.fromModelFile(file);
        for (ChatRequest r : List.of(PROOF, ChatRequest.ofUserMessage("hi"))) {
            assertThat(reloaded.score(r)).isEqualTo(ComplexityScorers.defaults().score(r));
        }
    }

    @Test
    void parse_malformedModel_throwsConfigurationException() {
        assertThatThrownBy(() -> ComplexityModel.parse(new StringReader("format 2\nsegment choice\nbias x\n"), "t"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("bad number");
        assertThatThrownBy(() -> ComplexityModel.parse(new StringReader("format 9\n"), "t"))
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> ComplexityModel.parse(new StringReader("format 2\nsegment choice\nbias 1\n"), "t"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("misses feature");
    }

    @Test
    void fromModelFile_missingFile_throwsConfigurationException(@TempDir Path dir) {
        assertThatThrownBy(() -> ComplexityScorers.fromModelFile(dir.resolve("absent.txt")))
                .isInstanceOf(ConfigurationException.class);
    }

    @Test
    void features_markersAndFamilies_areDetected() {
        double[] x = new double[PromptFeatures.COUNT];
        PromptFeatures.extract(
                ChatRequest.ofUserMessage("Explain step by step, in 50 words, why the sky is blue."), x, t -> {});
        assertThat(x[PromptFeatures.NAMES.indexOf("step_by_step")]).isEqualTo(1);
        assertThat(x[PromptFeatures.NAMES.indexOf("word_limit")]).isEqualTo(1);
        assertThat(x[PromptFeatures.NAMES.indexOf("reasoning_terms")]).isPositive();

        ChatRequest choice = ChatRequest.ofUserMessage("Which is a prime?\nA. 4\nB. 6\nC. 7\nD. 9\nAnswer:");
        ChatRequest word = ChatRequest.ofUserMessage("Tom buys 3 apples for $2 each. How much does he spend in total?");
        ChatRequest open = ChatRequest.ofUserMessage("Write a short poem about autumn.");
        assertThat(PromptFeatures.SEGMENTS.get(LearnedComplexityScorer.segmentOf(choice)))
                .isEqualTo("choice");
        assertThat(PromptFeatures.SEGMENTS.get(LearnedComplexityScorer.segmentOf(word)))
                .isEqualTo("math");
        assertThat(PromptFeatures.SEGMENTS.get(LearnedComplexityScorer.segmentOf(open)))
                .isEqualTo("open");
    }

    @Test
    void features_decimalsAndFractions_areCountedApart() {
        double[] x = new double[PromptFeatures.COUNT];
        PromptFeatures.extract(
                ChatRequest.ofUserMessage("A bag holds 2.5 kg of rice. She uses 3/4 of it and half of the rest."),
                x,
                t -> {});
        assertThat(x[PromptFeatures.NAMES.indexOf("decimals")]).isEqualTo(Math.log1p(1));
        assertThat(x[PromptFeatures.NAMES.indexOf("fractions")]).isEqualTo(Math.log1p(2));
        assertThat(x[PromptFeatures.NAMES.indexOf("decimals_fractions")]).isEqualTo(Math.log1p(2));

        PromptFeatures.extract(ChatRequest.ofUserMessage("It costs 80,000 dollars."), x, t -> {});
        assertThat(x[PromptFeatures.NAMES.indexOf("decimals")]).isZero();
        assertThat(x[PromptFeatures.NAMES.indexOf("fractions")]).isZero();
    }

    @Test
    void segment_mathFamilyIsWordProblemsWithQuantities_notBareMathQuestions() {
        ChatRequest word = ChatRequest.ofUserMessage(
                "Janet's ducks lay 16 eggs per day. She eats three and sells the rest for $2 each. How much does she"
                        + " make every day?");
        ChatRequest bare = ChatRequest.ofUserMessage(
                "When a number is divided by 10, the remainder is 4. What is the remainder when twice the number is"
                        + " divided by 4?");
        assertThat(PromptFeatures.SEGMENTS.get(LearnedComplexityScorer.segmentOf(word)))
                .isEqualTo("math");
        assertThat(PromptFeatures.SEGMENTS.get(LearnedComplexityScorer.segmentOf(bare)))
                .isEqualTo("open");
    }

    @Test
    void features_earlierTurnsFeedContextNotTheLastMessage() {
        double[] x = new double[PromptFeatures.COUNT];
        ChatRequest followUp = ChatRequest.builder()
                .addUserMessage("Solve the equation 3x + 5 = 20 and compute the integral of x^2.")
                .addAssistantMessage("x = 5")
                .addUserMessage("Now explain it to a child.")
                .build();
        PromptFeatures.extract(followUp, x, t -> {});
        assertThat(x[PromptFeatures.NAMES.indexOf("conversation_turns")]).isEqualTo(1);
        assertThat(x[PromptFeatures.NAMES.indexOf("context_math")]).isPositive();
        assertThat(x[PromptFeatures.NAMES.indexOf("math_terms")]).isZero();
    }
}
