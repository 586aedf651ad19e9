package io.hybridllm.core.complexity.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The logistic-regression weights of one prompt family ({@link PromptFeatures#SEGMENTS}): a bias, per feature a
 * mean, scale and weight (contribution {@code weight * (x - mean) / scale}), and a weight per vocabulary term
 * (added when the term occurs in the last user message).
 */
public final class ModelSegment {
    private final double bias;
    private final double[] mean;
    private final double[] scale;
    private final double[] weight;
    private final Map<String, Integer> termIndex;
    private final String[] terms;
    private final String[] termFeatureNames;
    private final double[] termWeight;

    public ModelSegment(
            double bias, double[] mean, double[] scale, double[] weight, List<String> terms, double[] termWeight) {
        if (mean.length != PromptFeatures.COUNT || scale.length != mean.length || weight.length != mean.length) {
            throw new IllegalArgumentException("expected " + PromptFeatures.COUNT + " features");
        }
        if (terms.size() != termWeight.length) {
            throw new IllegalArgumentException("terms and weights differ in length");
        }
        this.bias = bias;
        this.mean = mean.clone();
        this.scale = scale.clone();
        this.weight = weight.clone();
        this.terms = terms.toArray(new String[0]);
        this.termFeatureNames = new String[this.terms.length];
        for (int i = 0; i < this.terms.length; i++) {
            termFeatureNames[i] = "term:" + this.terms[i];
        }
        this.termWeight = termWeight.clone();
        this.termIndex = new HashMap<>(terms.size() * 2);
        for (int i = 0; i < this.terms.length; i++) {
            termIndex.put(this.terms[i], i);
        }
    }

    public double bias() {
        return bias;
    }

    public double mean(int feature) {
        return mean[feature];
    }

    public double scale(int feature) {
        return scale[feature];
    }

    public double weight(int feature) {
        return weight[feature];
    }

    public int termCount() {
        return terms.length;
    }

    public String term(int index) {
        return terms[index];
    }

    /** The contribution name of a term, {@code term:<word>}. */
    public String termFeatureName(int index) {
        return termFeatureNames[index];
    }

    public double termWeight(int index) {
        return termWeight[index];
    }

    /** The index of {@code term} in the vocabulary, or -1. */
    public int indexOf(String term) {
        Integer i = termIndex.get(term);
        return i == null ? -1 : i;
    }
}
