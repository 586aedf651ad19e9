package io.hybridllm.core.spi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Per-call state shared between the client and a backend: cancellation and the call's timeout. Thread-safe.
 *
 * <p>A backend checks {@link #isCancelled()} between tokens, or registers {@link #onCancel(Runnable)} to cancel
 * an HTTP call. Cancelling runs every registered hook once, on the cancelling thread.
 */
public final class CallContext {
    private final Duration timeout;
    private final List<Runnable> cancelHooks = new ArrayList<>();
    private volatile boolean cancelled;

    private CallContext(Duration timeout) {
        this.timeout = timeout;
    }

    /** A context with no timeout. */
    public static CallContext create() {
        return new CallContext(null);
    }

    /** A context whose call should finish within {@code timeout}. */
    public static CallContext withTimeout(Duration timeout) {
        return new CallContext(timeout);
    }

    /** The whole-call timeout, when one applies. */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Registers a hook run when the call is cancelled; runs it at once if it already was. */
    public void onCancel(Runnable hook) {
        boolean runNow;
        synchronized (cancelHooks) {
            runNow = cancelled;
            if (!runNow) {
                cancelHooks.add(hook);
            }
        }
        if (runNow) {
            hook.run();
        }
    }

    /** Cancels the call. Idempotent. */
    public void cancel() {
        List<Runnable> hooks;
        synchronized (cancelHooks) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            hooks = new ArrayList<>(cancelHooks);
            cancelHooks.clear();
        }
        for (Runnable hook : hooks) {
            hook.run();
        }
    }
}
