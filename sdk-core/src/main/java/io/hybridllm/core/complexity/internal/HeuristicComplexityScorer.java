package io.hybridllm.core.complexity.internal;

import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.complexity.ComplexityAssessment;
import io.hybridllm.core.complexity.ComplexityScorer;
import io.hybridllm.core.complexity.FeatureContribution;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A hand-weighted logistic model over a few surface features of the last user message. Contributions are in
 * logit units.
 */
public final class HeuristicComplexityScorer implements ComplexityScorer {
    public static final HeuristicComplexityScorer INSTANCE = new HeuristicComplexityScorer();

    private static final Pattern REASONING = Pattern.compile(
            "\\b(prove|proof|derive|why|explain|analy[sz]e|compare|evaluate|step[- ]by[- ]step|reason|justify"
                    + "|trade-?offs?|implications?|design|optimi[sz]e)\\b");
    private static final Pattern MATH = Pattern.compile(
            "(\\d\\s*[-+*/^=]\\s*\\d)|\\b(integral|derivative|equation|probability|theorem|matrix|solve|calculate)\\b");
    private static final Pattern CODE = Pattern.compile(
            "```|\\b(def|class|function|public static|SELECT|import|return)\\b|[{};]\\s*$", Pattern.MULTILINE);
    private static final Pattern CONSTRAINT =
            Pattern.compile("\\b(in \\d+ words|at most|at least|exactly|format(ted)? as|must|json|table|bullet)\\b");

    private HeuristicComplexityScorer() {}

    @Override
    public ComplexityAssessment score(ChatRequest request) {
        String text = request.lastUserText();
        String lower = text.toLowerCase(Locale.ROOT);
        List<FeatureContribution> parts = new ArrayList<>();
        double logit = -1.6;
        double length = Math.log1p(text.length()) / Math.log(2000);
        logit += add(parts, "length", text.length(), 1.4 * length);
        logit += add(parts, "reasoning_markers", count(REASONING, lower), 0.7 * Math.min(3, count(REASONING, lower)));
        logit += add(parts, "math", count(MATH, lower), 0.8 * Math.min(3, count(MATH, lower)));
        logit += add(parts, "code", count(CODE, text), 0.6 * Math.min(3, count(CODE, text)));
        logit += add(parts, "constraints", count(CONSTRAINT, lower), 0.3 * Math.min(3, count(CONSTRAINT, lower)));
        long questions = text.chars().filter(c -> c == '?').count();
        logit += add(parts, "multi_part", questions, questions > 1 ? 0.3 * Math.min(3, questions - 1) : 0);
        logit += add(
                parts,
                "conversation_depth",
                request.messages().size(),
                0.1 * Math.min(5, request.messages().size() - 1));
        double score = 1 / (1 + Math.exp(-logit));
        return ComplexityAssessment.of(score, parts);
    }

    private static double add(List<FeatureContribution> parts, String name, double value, double contribution) {
        parts.add(FeatureContribution.of(name, value, contribution));
        return contribution;
    }

    private static int count(Pattern p, String text) {
        int n = 0;
        var m = p.matcher(text);
        while (m.find()) {
            n++;
        }
        return n;
    }
}
