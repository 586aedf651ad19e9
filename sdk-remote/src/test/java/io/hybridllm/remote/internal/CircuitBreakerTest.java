package io.hybridllm.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hybridllm.remote.CircuitState;
import io.hybridllm.remote.FakeClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
    private final FakeClock clock = new FakeClock();
    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(10), clock);

    @Test
    void opensAfterThresholdConsecutiveFailuresOnly() {
        breaker.onFailure("a", false);
        breaker.onFailure("b", false);
        breaker.onSuccess();
        breaker.onFailure("c", false);
        breaker.onFailure("d", false);
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
        breaker.onFailure("e", true);
        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
        assertThat(breaker.tryAcquire()).isFalse();
        assertThat(breaker.admitsCalls()).isFalse();
        assertThat(breaker.lastFailure()).isEqualTo("e");
        assertThat(breaker.lastFailureOffline()).isTrue();
        assertThat(breaker.remainingOpen()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void halfOpenAdmitsOneTrialAtATime() {
        for (int i = 0; i < 3; i++) {
            breaker.onFailure("x", false);
        }
        clock.advance(Duration.ofSeconds(10));
        assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
        assertThat(breaker.admitsCalls()).isTrue();

        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.tryAcquire()).isFalse();
        assertThat(breaker.admitsCalls()).isFalse();

        breaker.onNeutral();
        assertThat(breaker.tryAcquire()).isTrue();
        breaker.onSuccess();
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(breaker.consecutiveFailures()).isZero();
    }

    @Test
    void failedTrialReopensForAFullInterval() {
        for (int i = 0; i < 3; i++) {
            breaker.onFailure("x", false);
        }
        clock.advance(Duration.ofSeconds(10));
        assertThat(breaker.tryAcquire()).isTrue();
        breaker.onFailure("still down", false);
        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
        clock.advance(Duration.ofSeconds(9));
        assertThat(breaker.tryAcquire()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(breaker.tryAcquire()).isTrue();
    }
}
