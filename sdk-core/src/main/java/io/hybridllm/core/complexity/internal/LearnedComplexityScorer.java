package io.hybridllm.core.complexity.internal;

import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.complexity.ComplexityAssessment;
import io.hybridllm.core.complexity.ComplexityScorer;
import io.hybridllm.core.complexity.FeatureContribution;
import io.hybridllm.core.errors.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Scores with a {@link ComplexityModel}: {@code sigmoid(bias + sum of contributions)}. Contributions are in logit
 * units; vocabulary terms appear as {@code term:<word>}. Small talk (greetings, thanks; see {@link SmallTalk}) is
 * capped at {@link #SMALL_TALK_SCORE}, with the cut reported as the contribution {@value #SMALL_TALK}. Stateless and
 * thread-safe.
 */
public final class LearnedComplexityScorer implements ComplexityScorer {
    /** Classpath location of the committed default weights. */
    public static final String DEFAULT_RESOURCE = "/io/hybridllm/core/complexity/complexity-model.txt";

    /** The contribution that caps small talk. */
    public static final String SMALL_TALK = "small_talk";

    /** The highest score small talk gets: far below any sensible routing threshold. */
    public static final double SMALL_TALK_SCORE = 0.05;

    private static final double SMALL_TALK_LOGIT = Math.log(SMALL_TALK_SCORE / (1 - SMALL_TALK_SCORE));

    private final ComplexityModel model;

    public LearnedComplexityScorer(ComplexityModel model) {
        this.model = Objects.requireNonNull(model, "model == null");
    }

    /** The scorer with the committed default weights. */
    public static LearnedComplexityScorer defaults() {
        return DefaultHolder.INSTANCE;
    }

    /** Loads weights written by the training tool. */
    public static LearnedComplexityScorer fromFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new LearnedComplexityScorer(
                    ComplexityModel.parse(new InputStreamReader(in, StandardCharsets.UTF_8), file.toString()));
        } catch (IOException e) {
            throw new ConfigurationException("cannot read complexity model " + file, e);
        }
    }

    public ComplexityModel model() {
        return model;
    }

    @Override
    public ComplexityAssessment score(ChatRequest request) {
        Scored sc = evaluate(request);
        ModelSegment m = sc.segment();
        List<FeatureContribution> parts = new ArrayList<>(PromptFeatures.COUNT + sc.terms().length);
        for (int i = 0; i < PromptFeatures.COUNT; i++) {
            double c = m.weight(i) * (sc.x()[i] - m.mean(i)) / m.scale(i);
            if (c != 0) {
                parts.add(FeatureContribution.of(PromptFeatures.NAMES.get(i), sc.x()[i], c));
            }
        }
        for (int t : sc.terms()) {
            parts.add(FeatureContribution.of(m.termFeatureName(t), 1, m.termWeight(t)));
        }
        if (sc.smallTalkCut() != 0) {
            parts.add(FeatureContribution.of(SMALL_TALK, 1, sc.smallTalkCut()));
        }
        return ComplexityAssessment.of(sigmoid(sc.logit()), parts);
    }

    /** The raw logit of the request; for training and evaluation, where contributions are not needed. */
    public double logit(ChatRequest request) {
        return evaluate(request).logit();
    }

    /** The prompt family of the request, an index into {@link PromptFeatures#SEGMENTS}. */
    public static int segmentOf(ChatRequest request) {
        double[] x = new double[PromptFeatures.COUNT];
        PromptFeatures.extract(request, x, term -> {});
        return PromptFeatures.segment(x);
    }

    /** @param smallTalkCut the (negative) logit change that caps small talk, else 0 */
    private record Scored(double[] x, ModelSegment segment, int[] terms, double smallTalkCut, double logit) {}

    private Scored evaluate(ChatRequest request) {
        double[] x = new double[PromptFeatures.COUNT];
        List<String> tokens = new ArrayList<>();
        PromptFeatures.extract(request, x, tokens::add);
        ModelSegment m = model.segment(PromptFeatures.segment(x));
        int[] idx = new int[tokens.size()];
        int n = 0;
        for (String t : tokens) {
            int i = m.indexOf(t);
            if (i >= 0) {
                idx[n++] = i;
            }
        }
        int[] terms = distinct(idx, n);
        double logit = m.bias();
        for (int i = 0; i < PromptFeatures.COUNT; i++) {
            logit += m.weight(i) * (x[i] - m.mean(i)) / m.scale(i);
        }
        for (int t : terms) {
            logit += m.termWeight(t);
        }
        double cut = logit > SMALL_TALK_LOGIT && SmallTalk.is(tokens, x) ? SMALL_TALK_LOGIT - logit : 0;
        return new Scored(x, m, terms, cut, logit + cut);
    }

    static int[] distinct(int[] values, int n) {
        int[] v = Arrays.copyOf(values, n);
        Arrays.sort(v);
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (m == 0 || v[m - 1] != v[i]) {
                v[m++] = v[i];
            }
        }
        return Arrays.copyOf(v, m);
    }

    static double sigmoid(double z) {
        // Clamp away from exact 0 and 1 so every score stays a usable threshold value.
        double s = 1 / (1 + Math.exp(-z));
        return Math.min(1, Math.max(0, s));
    }

    private static final class DefaultHolder {
        static final LearnedComplexityScorer INSTANCE = load();

        private static LearnedComplexityScorer load() {
            try (InputStream in = LearnedComplexityScorer.class.getResourceAsStream(DEFAULT_RESOURCE)) {
                if (in == null) {
                    throw new ConfigurationException("missing classpath resource " + DEFAULT_RESOURCE);
                }
                return new LearnedComplexityScorer(
                        ComplexityModel.parse(new InputStreamReader(in, StandardCharsets.UTF_8), DEFAULT_RESOURCE));
            } catch (IOException e) {
                throw new ConfigurationException("cannot read " + DEFAULT_RESOURCE, e);
            }
        }
    }
}
