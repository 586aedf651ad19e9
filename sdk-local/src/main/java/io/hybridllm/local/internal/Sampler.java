package io.hybridllm.local.internal;

import java.util.Arrays;
import java.util.Random;

/**
 * Picks the next token from logits: greedy at temperature 0, else temperature, top-k, top-p (nucleus) sampling with
 * a seeded random source, after an optional repetition penalty. Not thread-safe; one per generation.
 */
public final class Sampler {
    private final double temperature;
    private final int topK;
    private final double topP;
    private final double repetitionPenalty;
    private final Random random;

    public Sampler(double temperature, int topK, double topP, double repetitionPenalty, long seed) {
        this.temperature = temperature;
        this.topK = topK;
        this.topP = topP;
        this.repetitionPenalty = repetitionPenalty;
        this.random = new Random(seed);
    }

    /** The index of the largest value; the first one on ties (as llama2.c's argmax). */
    public static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    /** {@code log softmax(logits)[index]}, with a fast float exponential (relative error below 1e-6). */
    public static double logprob(float[] logits, int index) {
        float max = logits[argmax(logits)];
        double sum = 0;
        for (float l : logits) {
            sum += fastExp(l - max);
        }
        return (logits[index] - max) - Math.log(sum);
    }

    /** {@code e^x} for {@code x <= 0}: range reduction by ln 2 and a degree-6 Taylor polynomial. */
    static float fastExp(float x) {
        if (x < -87f) {
            return 0f;
        }
        float k = (float) Math.floor(x * 1.44269504f + 0.5f);
        float r = x - k * 0.693145752f - k * 1.42860677e-6f;
        float p = 1f
                + r
                        * (1f
                                + r
                                        * (0.5f
                                                + r
                                                        * (0.166666667f
                                                                + r
                                                                        * (0.0416666667f
                                                                                + r
                                                                                        * (0.00833333333f
                                                                                                + r
                                                                                                        * 0.00138888889f)))));
        return p * Float.intBitsToFloat(((int) k + 127) << 23);
    }

    /** Chooses the next token; {@code history} is the sequence so far (for the repetition penalty). */
    public int sample(float[] logits, int[] history, int historyLength) {
        float[] l = logits;
        if (repetitionPenalty != 1.0) {
            l = logits.clone();
            for (int i = 0; i < historyLength; i++) {
                int t = history[i];
                if (t >= 0 && t < l.length) {
                    l[t] = (float) (l[t] > 0 ? l[t] / repetitionPenalty : l[t] * repetitionPenalty);
                }
            }
        }
        if (temperature <= 0) {
            return argmax(l);
        }
        int n = l.length;
        Integer[] order = new Integer[n];
        double[] p = new double[n];
        float max = l[argmax(l)];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            p[i] = Math.exp((l[i] - max) / temperature);
            sum += p[i];
            order[i] = i;
        }
        for (int i = 0; i < n; i++) {
            p[i] /= sum;
        }
        final double[] probs = p;
        Arrays.sort(order, (a, b) -> Double.compare(probs[b], probs[a]));
        int keep = topK > 0 ? Math.min(topK, n) : n;
        double cumulative = 0;
        int cut = keep;
        for (int i = 0; i < keep; i++) {
            cumulative += probs[order[i]];
            if (cumulative >= topP) {
                cut = i + 1;
                break;
            }
        }
        double mass = 0;
        for (int i = 0; i < cut; i++) {
            mass += probs[order[i]];
        }
        double r = random.nextDouble() * mass;
        double acc = 0;
        for (int i = 0; i < cut; i++) {
            acc += probs[order[i]];
            if (r < acc) {
                return order[i];
            }
        }
        return order[cut - 1];
    }
}
