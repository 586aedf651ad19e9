package io.hybridllm.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(1000), () -> 0.5);

    @Test
    void backoffDoublesIsCappedAndJittered() {
        assertThat(policy.delay(1, null)).isEqualTo(Duration.ofMillis(87).plusNanos(500_000));
        assertThat(policy.delay(2, null)).isEqualTo(Duration.ofMillis(175));
        assertThat(policy.delay(3, null)).isEqualTo(Duration.ofMillis(350));
        assertThat(policy.delay(5, null)).isEqualTo(Duration.ofMillis(875));
        assertThat(policy.delay(9, null)).isEqualTo(Duration.ofMillis(875));
    }

    @Test
    void serverDelayWithinAMinuteWins() {
        assertThat(policy.delay(1, Duration.ofSeconds(42))).isEqualTo(Duration.ofSeconds(42));
        assertThat(policy.delay(1, Duration.ofSeconds(61))).isEqualTo(policy.delay(1, null));
    }

    @Test
    void readsRetryAfterInItsThreeForms() {
        assertThat(RetryPolicy.retryAfter(Headers.of("Retry-After-Ms", "1500.5")))
                .isEqualTo(Duration.ofNanos(1_500_500_000L));
        assertThat(RetryPolicy.retryAfter(Headers.of("Retry-After", "2"))).isEqualTo(Duration.ofSeconds(2));
        String inAnHour = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).plusHours(1));
        assertThat(RetryPolicy.retryAfter(Headers.of("Retry-After", inAnHour)))
                .isBetween(Duration.ofMinutes(58), Duration.ofMinutes(61));
        assertThat(RetryPolicy.retryAfter(Headers.of("Retry-After", "soon"))).isNull();
        assertThat(RetryPolicy.retryAfter(Headers.of("Retry-After", "-3"))).isNull();
        assertThat(RetryPolicy.retryAfter(Headers.of())).isNull();
    }

    @Test
    void readsShouldRetryAdvice() {
        assertThat(RetryPolicy.shouldRetryHeader(Headers.of("x-should-retry", "true")))
                .isTrue();
        assertThat(RetryPolicy.shouldRetryHeader(Headers.of("x-should-retry", "FALSE")))
                .isFalse();
        assertThat(RetryPolicy.shouldRetryHeader(Headers.of("x-should-retry", "maybe")))
                .isNull();
        assertThat(RetryPolicy.shouldRetryHeader(null)).isNull();
    }
}
