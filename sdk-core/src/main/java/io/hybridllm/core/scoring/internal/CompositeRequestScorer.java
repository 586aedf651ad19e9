package io.hybridllm.core.scoring.internal;

import io.hybridllm.core.ChatMessage;
import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.ResponseFormat;
import io.hybridllm.core.complexity.ComplexityScorer;
import io.hybridllm.core.complexity.ComplexityScorers;
import io.hybridllm.core.privacy.PrivacyScanner;
import io.hybridllm.core.privacy.PrivacyScanners;
import io.hybridllm.core.scoring.CapabilityNeed;
import io.hybridllm.core.scoring.RequestAssessment;
import io.hybridllm.core.scoring.RequestScorer;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** Runs a complexity scorer and a privacy scanner, and derives capability needs and prompt length. */
public final class CompositeRequestScorer implements RequestScorer {
    private final ComplexityScorer complexity;
    private final PrivacyScanner privacy;

    public CompositeRequestScorer(ComplexityScorer complexity, PrivacyScanner privacy) {
        this.complexity = Objects.requireNonNull(complexity, "complexity == null");
        this.privacy = Objects.requireNonNull(privacy, "privacy == null");
    }

    public static CompositeRequestScorer defaults() {
        return new CompositeRequestScorer(ComplexityScorers.defaults(), PrivacyScanners.defaults());
    }

    @Override
    public RequestAssessment assess(ChatRequest request) {
        return RequestAssessment.of(
                complexity.score(request), privacy.scan(request), needsOf(request), estimateTokens(request));
    }

    /** Capability needs that follow from the request's shape alone. */
    public static Set<CapabilityNeed> needsOf(ChatRequest request) {
        Set<CapabilityNeed> needs = EnumSet.noneOf(CapabilityNeed.class);
        if (!request.tools().isEmpty() && !"none".equals(request.toolChoice().orElse("auto"))) {
            needs.add(CapabilityNeed.TOOLS);
        }
        if (request.responseFormat()
                .map(f -> f.type() == ResponseFormat.Type.JSON_SCHEMA)
                .orElse(false)) {
            needs.add(CapabilityNeed.JSON_SCHEMA);
        }
        for (ChatMessage m : request.messages()) {
            if (!m.imageUrls().isEmpty()) {
                needs.add(CapabilityNeed.IMAGES);
            }
        }
        return needs;
    }

    /** About four characters per token, plus a few tokens of framing per message. */
    public static int estimateTokens(ChatRequest request) {
        long chars = 0;
        for (ChatMessage m : request.messages()) {
            chars += m.content().length() + 16;
        }
        return (int) Math.min(Integer.MAX_VALUE, chars / 4);
    }
}
