package io.hybridllm.local.embedding;

import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.complexity.ComplexityAssessment;
import io.hybridllm.core.complexity.ComplexityScorer;
import io.hybridllm.core.complexity.FeatureContribution;
import io.hybridllm.core.complexity.internal.LearnedComplexityScorer;
import io.hybridllm.core.errors.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The complexity scorer with its optional embedding layer: the features-only logit of the built-in (or a retrained)
 * scorer plus a logistic correction on the all-MiniLM-L6-v2 embedding of the last user message. The correction is
 * reported as one contribution named {@code embedding}. Costs a few milliseconds per request (one small ONNX model
 * run), except for small talk, which the features scorer caps and which skips the model; thread-safe; close it to
 * free the native session.
 *
 * <pre>{@code
 * try (EmbeddingComplexityScorer scorer = EmbeddingComplexityScorer.open()) {
 *     HybridClient client = HybridClient.builder().complexityScorer(scorer)...build();
 * }
 * }</pre>
 */
public final class EmbeddingComplexityScorer implements ComplexityScorer, AutoCloseable {
    /** Classpath location of the committed head weights. */
    public static final String DEFAULT_HEAD = "/io/hybridllm/local/embedding/complexity-embedding-head.txt";

    private final LearnedComplexityScorer features;
    private final EmbeddingHead head;
    private final SentenceEmbedder embedder;

    private EmbeddingComplexityScorer(LearnedComplexityScorer features, EmbeddingHead head, SentenceEmbedder embedder) {
        this.features = features;
        this.head = head;
        this.embedder = embedder;
    }

    /**
     * The built-in features model and head weights.
     *
     * @throws io.hybridllm.core.errors.ModelLoadException if the embedding model is not on the classpath
     */
    public static EmbeddingComplexityScorer open() {
        EmbeddingHead head;
        try (InputStream in = EmbeddingComplexityScorer.class.getResourceAsStream(DEFAULT_HEAD)) {
            if (in == null) {
                throw new ConfigurationException("missing classpath resource " + DEFAULT_HEAD);
            }
            head = EmbeddingHead.parse(new InputStreamReader(in, StandardCharsets.UTF_8), DEFAULT_HEAD);
        } catch (IOException e) {
            throw new ConfigurationException("cannot read " + DEFAULT_HEAD, e);
        }
        return new EmbeddingComplexityScorer(
                LearnedComplexityScorer.defaults(), head, SentenceEmbedder.open(head.tokens()));
    }

    /**
     * Weights written by {@code hybrid-cli train complexity --out FEATURES --embedding-out HEAD}.
     *
     * @throws ConfigurationException if a file cannot be read or is malformed
     */
    public static EmbeddingComplexityScorer open(Path featuresModel, Path headFile) {
        Objects.requireNonNull(featuresModel, "featuresModel == null");
        EmbeddingHead head;
        try (InputStream in = Files.newInputStream(headFile)) {
            head = EmbeddingHead.parse(new InputStreamReader(in, StandardCharsets.UTF_8), headFile.toString());
        } catch (IOException e) {
            throw new ConfigurationException("cannot read embedding head " + headFile, e);
        }
        return new EmbeddingComplexityScorer(
                LearnedComplexityScorer.fromFile(featuresModel), head, SentenceEmbedder.open(head.tokens()));
    }

    /**
     * Combines a features scorer, a head and an open embedder (closed with this scorer).
     *
     * @throws IllegalArgumentException if the embedder's word-piece budget is not the one the head was fitted with
     */
    public static EmbeddingComplexityScorer of(
            LearnedComplexityScorer features, EmbeddingHead head, SentenceEmbedder embedder) {
        if (head.tokens() != 0 && head.tokens() != embedder.maxTokens()) {
            throw new IllegalArgumentException("the head was fitted on " + head.tokens()
                    + "-token embeddings, the embedder makes " + embedder.maxTokens());
        }
        return new EmbeddingComplexityScorer(
                Objects.requireNonNull(features, "features == null"),
                Objects.requireNonNull(head, "head == null"),
                Objects.requireNonNull(embedder, "embedder == null"));
    }

    @Override
    public ComplexityAssessment score(ChatRequest request) {
        ComplexityAssessment base = features.score(request);
        if (base.contributions().stream().anyMatch(c -> c.name().equals(LearnedComplexityScorer.SMALL_TALK))) {
            return base; // capped by the features scorer; no need to run the embedding model
        }
        double correction = head.logit(embedder.embed(request.lastUserText()));
        double logit = features.logit(request) + correction;
        List<FeatureContribution> parts = new ArrayList<>(base.contributions());
        parts.add(FeatureContribution.of("embedding", 1, correction));
        double score = Math.min(1, Math.max(0, 1 / (1 + Math.exp(-logit))));
        return ComplexityAssessment.of(score, parts);
    }

    @Override
    public void close() {
        embedder.close();
    }
}
