package io.hybridllm.remote;

import java.time.Duration;

/** Waits between retries. Injected so tests can record the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    /** Blocks for {@code duration}; throws if the thread is interrupted. */
    void sleep(Duration duration) throws InterruptedException;

    /** Sleeps with {@link Thread#sleep(long, int)}. */
    static Sleeper system() {
        return duration -> {
            long nanos = duration.toNanos();
            if (nanos > 0) {
                Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            }
        };
    }
}
