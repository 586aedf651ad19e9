package io.hybridllm.remote.internal;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.DoubleSupplier;
import okhttp3.Headers;

/**
 * When to retry and how long to wait: exponential backoff from {@code initialDelay} doubling up to
 * {@code maxDelay}, reduced by up to 25% of random jitter, unless the server said how long in
 * {@code Retry-After-Ms} or {@code Retry-After} (seconds or an HTTP date) and that is within a minute.
 */
public final class RetryPolicy {
    private static final Duration MAX_SERVER_DELAY = Duration.ofSeconds(60);

    private final int maxRetries;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final DoubleSupplier random;

    public RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay, DoubleSupplier random) {
        this.maxRetries = maxRetries;
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        this.random = random;
    }

    /** How many times one endpoint is retried after its first attempt. */
    public int maxRetries() {
        return maxRetries;
    }

    /**
     * The delay before retry number {@code retry} (1-based).
     *
     * @param serverDelay what the server asked for, or {@code null}
     */
    public Duration delay(int retry, Duration serverDelay) {
        if (serverDelay != null && !serverDelay.isNegative() && serverDelay.compareTo(MAX_SERVER_DELAY) <= 0) {
            return serverDelay;
        }
        double base = initialDelay.toNanos() * Math.pow(2, Math.max(0, retry - 1));
        double capped = Math.min(base, maxDelay.toNanos());
        double jitter = 1 - 0.25 * random.getAsDouble();
        return Duration.ofNanos((long) (capped * jitter));
    }

    /** The server's requested wait from {@code Retry-After-Ms} or {@code Retry-After}, or {@code null}. */
    public static Duration retryAfter(Headers headers) {
        if (headers == null) {
            return null;
        }
        String ms = headers.get("retry-after-ms");
        if (ms != null) {
            try {
                double value = Double.parseDouble(ms.trim());
                if (value >= 0 && value < 1e12) {
                    return Duration.ofNanos((long) (value * 1_000_000));
                }
            } catch (NumberFormatException ignored) {
                // fall through to Retry-After
            }
        }
        String after = headers.get("retry-after");
        if (after == null) {
            return null;
        }
        String value = after.trim();
        try {
            double seconds = Double.parseDouble(value);
            return seconds >= 0 && seconds < 1e9 ? Duration.ofMillis((long) (seconds * 1000)) : null;
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    /** The server's explicit retry advice ({@code x-should-retry: true|false}), or {@code null}. */
    public static Boolean shouldRetryHeader(Headers headers) {
        String value = headers == null ? null : headers.get("x-should-retry");
        if ("true".equalsIgnoreCase(value)) {
            return Boolean.TRUE;
        }
        if ("false".equalsIgnoreCase(value)) {
            return Boolean.FALSE;
        }
        return null;
    }
}
