package io.hybridllm.core.experiment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StatsTest {
    @Test
    void quantile_interpolatesBetweenOrderStatistics() {
        double[] oneToHundred = new double[100];
        for (int i = 0; i < 100; i++) {
            oneToHundred[i] = 100 - i;
        }
        // Position (n - 1) p: 49.5 -> between 50 and 51; 89.1 -> 90.1; 98.01 -> 99.01.
        assertThat(Stats.quantile(oneToHundred, 0.5)).isCloseTo(50.5, within(1e-12));
        assertThat(Stats.quantile(oneToHundred, 0.9)).isCloseTo(90.1, within(1e-12));
        assertThat(Stats.quantile(oneToHundred, 0.99)).isCloseTo(99.01, within(1e-12));
        assertThat(Stats.quantile(new double[] {7}, 0.99)).isEqualTo(7);
        assertThat(Stats.quantile(new double[0], 0.5)).isNaN();
    }

    @Test
    void chiSquareTail_matchesTheTabulatedCriticalValues() {
        // Critical values of chi-square with 1 degree of freedom for 0.05, 0.01 and 0.001.
        assertThat(Stats.chiSquareUpperTail1(3.841459)).isCloseTo(0.05, within(1e-6));
        assertThat(Stats.chiSquareUpperTail1(6.634897)).isCloseTo(0.01, within(1e-7));
        assertThat(Stats.chiSquareUpperTail1(10.827566)).isCloseTo(0.001, within(1e-8));
        assertThat(Stats.chiSquareUpperTail1(0)).isEqualTo(1);
    }

    @Test
    void clusterBootstrap_resamplesWholeUnits_reproduciblyForASeed() {
        // Two units with constant values: every resample's median is 1, 2 or the midpoint 1.5.
        List<ClusterBootstrap.Cluster> clusters = List.of(
                new ClusterBootstrap.Cluster(new double[] {1, 1, 1}, 3, 0),
                new ClusterBootstrap.Cluster(new double[] {2, 2, 2}, 3, 3));
        ClusterBootstrap.Replicates a = ClusterBootstrap.resample(clusters, 500, new SplittableRandom(5));
        ClusterBootstrap.Replicates b = ClusterBootstrap.resample(clusters, 500, new SplittableRandom(5));

        assertThat(a.medians()).containsExactly(b.medians());
        assertThat(a.medians()).containsOnly(1.0, 1.5, 2.0).contains(1.0, 1.5, 2.0);
        assertThat(a.errorRates()).containsOnly(0.0, 0.5, 1.0);
        Estimate e = ClusterBootstrap.interval(1.5, a.medians());
        assertThat(e.low()).isEqualTo(1.0);
        assertThat(e.high()).isEqualTo(2.0);
    }
}
