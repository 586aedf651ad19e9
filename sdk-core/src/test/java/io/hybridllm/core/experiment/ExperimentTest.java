package io.hybridllm.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hybridllm.core.routing.Route;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

/** Sticky assignment of units to arms. */
class ExperimentTest {
    private static final int UNITS = 20_000;

    private static String unit(int i) {
        return "user-" + i;
    }

    @Test
    void bucket_isTheDocumentedSaltedSha256_soOtherLanguagesAndVersionsAssignTheSameWay() throws Exception {
        Experiment exp = Experiment.builder("checkout-v2").build();
        for (int i = 0; i < 50; i++) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("checkout-v2".getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            byte[] d = sha.digest(unit(i).getBytes(StandardCharsets.UTF_8));
            long h = 0;
            for (int k = 0; k < 8; k++) {
                h = (h << 8) | (d[k] & 0xff);
            }
            assertThat(exp.bucketOf(unit(i))).isEqualTo((int) Long.remainderUnsigned(h, Experiment.BUCKETS));
            assertThat(exp.unitKey(unit(i))).isEqualTo(String.format("%016x", h));
        }
    }

    @Test
    void assignment_isSticky_acrossInstances() {
        Experiment a = Experiment.builder("exp").remoteShare(0.3).build();
        Experiment b = Experiment.builder("exp").remoteShare(0.3).build();
        for (int i = 0; i < 1000; i++) {
            assertThat(b.armOf(unit(i))).isEqualTo(a.armOf(unit(i)));
            assertThat(b.bucketOf(unit(i))).isEqualTo(a.bucketOf(unit(i))).isBetween(0, Experiment.BUCKETS - 1);
        }
    }

    @Test
    void remoteArm_holdsTheRemoteShareOfUnits() {
        for (double share : new double[] {0, 0.1, 0.5, 0.9, 1}) {
            Experiment exp = Experiment.builder("exp").remoteShare(share).build();
            int remote = 0;
            for (int i = 0; i < UNITS; i++) {
                remote += exp.armOf(unit(i)) == Route.REMOTE ? 1 : 0;
            }
            double sd = Math.sqrt(UNITS * share * (1 - share));
            assertThat((double) remote)
                    .as("share %s", share)
                    .isCloseTo(UNITS * share, org.assertj.core.data.Offset.offset(5 * sd + 0.5));
        }
    }

    @Test
    void raisingTheRemoteShare_onlyMovesUnitsFromLocalToRemote() {
        Experiment small = Experiment.builder("exp").remoteShare(0.1).build();
        Experiment large = Experiment.builder("exp").remoteShare(0.4).build();
        int moved = 0;
        for (int i = 0; i < UNITS; i++) {
            if (small.armOf(unit(i)) == Route.REMOTE) {
                assertThat(large.armOf(unit(i))).isEqualTo(Route.REMOTE);
            } else if (large.armOf(unit(i)) == Route.REMOTE) {
                moved++;
            }
        }
        assertThat(moved).isPositive();
    }

    @Test
    void anotherSalt_assignsIndependently() {
        Experiment a = Experiment.builder("exp").build();
        Experiment b = Experiment.builder("exp").salt("exp-rerun").build();
        int same = 0;
        for (int i = 0; i < UNITS; i++) {
            same += a.armOf(unit(i)) == b.armOf(unit(i)) ? 1 : 0;
        }
        // Independent halves agree on about half of the units.
        assertThat((double) same / UNITS).isBetween(0.45, 0.55);
    }

    @Test
    void unitKey_hidesTheId() {
        Experiment exp = Experiment.builder("exp").build();
        String key = exp.unitKey("alice@example.com");
        assertThat(key).hasSize(16).matches("[0-9a-f]{16}").doesNotContain("alice");
        assertThat(exp.unitKey("alice@example.com")).isEqualTo(key);
        assertThat(exp.unitKey("bob@example.com")).isNotEqualTo(key);
        assertThat(exp.toString()).contains("exp").doesNotContain("alice");
        Experiment.Assignment a = exp.assign("alice@example.com");
        assertThat(a.unitKey()).isEqualTo(key);
        assertThat(a.bucket()).isEqualTo(exp.bucketOf("alice@example.com"));
        assertThat(a.arm()).isEqualTo(exp.armOf("alice@example.com"));
        assertThat(a.toString()).contains(key).doesNotContain("alice");
    }

    @Test
    void builder_rejectsBadSettings() {
        assertThatThrownBy(() -> Experiment.builder(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Experiment.builder("e").remoteShare(1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("remoteShare");
        assertThatThrownBy(() -> Experiment.builder("e").shadowShare(-0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shadowShare");
        assertThatThrownBy(() -> Experiment.builder("e").remoteShare(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
