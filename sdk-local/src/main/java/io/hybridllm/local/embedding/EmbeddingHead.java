package io.hybridllm.local.embedding;

import io.hybridllm.core.complexity.internal.LabelledPrompt;
import io.hybridllm.core.errors.ConfigurationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The embedding layer of the complexity scorer: a logistic correction on top of the features-only logit, {@code
 * logit = featuresLogit + bias + weights . embedding}. Immutable. Text form:
 *
 * <pre>
 * # comment
 * format 1
 * tokens 64     (optional: the embedder's word-piece budget the head was fitted with; absent: 128)
 * bias -0.12
 * weights 0.01 -0.3 ... (384 numbers)
 * </pre>
 */
public final class EmbeddingHead {
    private final double bias;
    private final double[] weights;
    private final int tokens;

    EmbeddingHead(double bias, double[] weights, int tokens) {
        if (weights.length != SentenceEmbedder.DIMENSIONS) {
            throw new IllegalArgumentException("expected " + SentenceEmbedder.DIMENSIONS + " weights");
        }
        this.bias = bias;
        this.weights = weights.clone();
        this.tokens = tokens;
    }

    /**
     * The word-piece budget of the embeddings this head was fitted on ({@link SentenceEmbedder#open(int)}); 0 means
     * the tokenizer's own (128).
     */
    public int tokens() {
        return tokens;
    }

    /** The correction (in logit units) for an embedding. */
    public double logit(float[] embedding) {
        double z = bias;
        for (int d = 0; d < weights.length; d++) {
            z += weights[d] * embedding[d];
        }
        return z;
    }

    /**
     * Fits the head by L2-regularised logistic regression with the features logit as a fixed offset; the same
     * target and per-source weighting as the features layer. Full-batch Adam, fixed steps: deterministic for the
     * same embeddings.
     *
     * @param offsets the features-only logit of each prompt
     */
    public static EmbeddingHead fit(List<LabelledPrompt> prompts, float[][] embeddings, double[] offsets) {
        return fit(prompts, embeddings, offsets, 0);
    }

    /**
     * As {@link #fit(List, float[][], double[])}, for embeddings made by {@link SentenceEmbedder#open(int)} with
     * {@code tokens}; the head records it so the scorer embeds the same way.
     */
    public static EmbeddingHead fit(List<LabelledPrompt> prompts, float[][] embeddings, double[] offsets, int tokens) {
        int n = prompts.size();
        int d = SentenceEmbedder.DIMENSIONS;
        double l2 = 1e-3;
        int steps = 200;
        double lr = 0.02;
        Map<String, Integer> perSource = new TreeMap<>();
        for (LabelledPrompt p : prompts) {
            perSource.merge(p.source(), 1, Integer::sum);
        }
        double[] y = new double[n];
        double[] w = new double[n];
        double wsum = 0;
        for (int i = 0; i < n; i++) {
            y[i] = LabelledPrompt.NEEDS_STRONG.equals(prompts.get(i).label()) ? 1 : 0;
            w[i] = 1 / Math.sqrt(perSource.get(prompts.get(i).source()));
            wsum += w[i];
        }
        double[] th = new double[d + 1];
        double[] m1 = new double[d + 1];
        double[] m2 = new double[d + 1];
        double[] g = new double[d + 1];
        for (int s = 1; s <= steps; s++) {
            Arrays.fill(g, 0);
            for (int i = 0; i < n; i++) {
                double z = offsets[i] + th[d];
                float[] e = embeddings[i];
                for (int k = 0; k < d; k++) {
                    z += th[k] * e[k];
                }
                double err = (1 / (1 + Math.exp(-z)) - y[i]) * w[i] / wsum;
                g[d] += err;
                for (int k = 0; k < d; k++) {
                    g[k] += err * e[k];
                }
            }
            for (int k = 0; k < d; k++) {
                g[k] += l2 * th[k];
            }
            double c1 = 1 - Math.pow(0.9, s);
            double c2 = 1 - Math.pow(0.999, s);
            for (int k = 0; k <= d; k++) {
                m1[k] = 0.9 * m1[k] + 0.1 * g[k];
                m2[k] = 0.999 * m2[k] + 0.001 * g[k] * g[k];
                th[k] -= lr * (m1[k] / c1) / (Math.sqrt(m2[k] / c2) + 1e-8);
            }
        }
        double[] weights = new double[d];
        for (int k = 0; k < d; k++) {
            weights[k] = round(th[k]);
        }
        return new EmbeddingHead(round(th[d]), weights, tokens);
    }

    /** The text form {@link #parse} reads. */
    public String write(String header) {
        StringBuilder sb = new StringBuilder();
        for (String h : header.split("\n")) {
            sb.append("# ").append(h).append('\n');
        }
        sb.append("format 1\n");
        if (tokens != 0) {
            sb.append("tokens ").append(tokens).append('\n');
        }
        sb.append("bias ").append(fmt(bias)).append("\nweights");
        for (double v : weights) {
            sb.append(' ').append(fmt(v));
        }
        return sb.append('\n').toString();
    }

    /** Parses the text form; throws {@link ConfigurationException} on a malformed file. */
    public static EmbeddingHead parse(Reader in, String origin) {
        double bias = Double.NaN;
        double[] weights = null;
        boolean format = false;
        int tokens = 0;
        try (BufferedReader r = new BufferedReader(in)) {
            String line;
            while ((line = r.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(" ");
                try {
                    switch (f[0]) {
                        case "format" -> format = f.length == 2 && f[1].equals("1");
                        case "bias" -> bias = Double.parseDouble(f[1]);
                        case "tokens" -> tokens = Integer.parseInt(f[1]);
                        case "weights" -> {
                            weights = new double[f.length - 1];
                            for (int i = 1; i < f.length; i++) {
                                weights[i - 1] = Double.parseDouble(f[i]);
                            }
                        }
                        default -> throw new ConfigurationException(origin + ": unknown entry " + f[0]);
                    }
                } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                    throw new ConfigurationException(origin + ": bad line '" + f[0] + " ...'", e);
                }
            }
        } catch (IOException e) {
            throw new ConfigurationException("cannot read embedding head " + origin, e);
        }
        if (!format || Double.isNaN(bias) || weights == null || weights.length != SentenceEmbedder.DIMENSIONS) {
            throw new ConfigurationException(
                    origin + ": not an embedding head (format 1, bias, " + SentenceEmbedder.DIMENSIONS + " weights)");
        }
        if (tokens != 0 && (tokens < 8 || tokens > 512)) {
            throw new ConfigurationException(origin + ": tokens must be 8..512: " + tokens);
        }
        return new EmbeddingHead(bias, weights, tokens);
    }

    private static double round(double v) {
        return Double.parseDouble(fmt(v));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
