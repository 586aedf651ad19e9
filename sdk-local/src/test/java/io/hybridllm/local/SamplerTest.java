package io.hybridllm.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hybridllm.local.internal.Sampler;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SamplerTest {
    @Test
    void logprob_matchesAnExactLogSoftmax() {
        Random r = new Random(3);
        float[] logits = new float[1000];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (float) (r.nextGaussian() * 8);
        }
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double sum = 0;
        for (float l : logits) {
            sum += Math.exp(l - max);
        }
        for (int i = 0; i < logits.length; i += 97) {
            double exact = logits[i] - max - Math.log(sum);
            assertThat(Sampler.logprob(logits, i)).isCloseTo(exact, within(1e-5 * Math.max(1, Math.abs(exact))));
        }
    }

    @Test
    void greedy_picksTheFirstMaximum() {
        assertThat(new Sampler(0, 0, 1, 1, 0).sample(new float[] {1, 5, 5, 2}, new int[0], 0))
                .isEqualTo(1);
    }

    @Test
    void topK1_isGreedyEvenWhenSampling() {
        Sampler s = new Sampler(2.0, 1, 1.0, 1.0, 9);
        for (int i = 0; i < 20; i++) {
            assertThat(s.sample(new float[] {0.1f, 0.3f, 0.2f}, new int[0], 0)).isEqualTo(1);
        }
    }

    @Test
    void repetitionPenalty_discouragesTokensAlreadySeen() {
        Sampler s = new Sampler(0, 0, 1, 2.0, 0);
        assertThat(s.sample(new float[] {1.0f, 1.5f}, new int[] {1}, 1)).isEqualTo(0);
    }
}
