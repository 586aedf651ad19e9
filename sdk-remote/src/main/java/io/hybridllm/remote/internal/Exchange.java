package io.hybridllm.remote.internal;

import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.errors.CircuitOpenException;
import io.hybridllm.core.errors.ConfigurationException;
import io.hybridllm.core.errors.ConnectivityException;
import io.hybridllm.core.errors.HybridException;
import io.hybridllm.core.errors.RateLimitedException;
import io.hybridllm.core.errors.RequestTimeoutException;
import io.hybridllm.core.errors.ServerErrorException;
import io.hybridllm.core.spi.CallContext;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * One logical call: the attempts across retries and endpoints until a 2xx response is open. Endpoints are tried
 * in order; each gets one attempt plus up to {@code maxRetries} retries with backoff on retryable failures, then
 * the next endpoint is tried at once. Non-retryable failures (400, 401, 403, 404, 422) end the call without
 * failover. An endpoint whose circuit is open is skipped without a network call. Not thread-safe, except that
 * cancellation may come from any thread.
 */
final class Exchange {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final RemoteCaller caller;
    private final ChatRequest request;
    private final CallContext context;
    private final boolean stream;
    private final long deadlineMillis;
    private final AtomicReference<Call> current = new AtomicReference<>();
    private final List<String> skipped = new ArrayList<>();
    private final RequestBody[] bodies;
    private int endpointIndex;
    private int attemptOnEndpoint;
    private HybridException last;

    Exchange(RemoteCaller caller, ChatRequest request, CallContext context, boolean stream, Duration timeout) {
        this.caller = caller;
        this.request = request;
        this.context = context;
        this.stream = stream;
        this.deadlineMillis = saturatedAdd(caller.clock().millis(), timeout.toMillis());
        this.bodies = new RequestBody[caller.endpoints().size()];
        context.onCancel(() -> {
            Call call = current.get();
            if (call != null) {
                call.cancel();
            }
        });
    }

    /** An open 2xx response from some endpoint. */
    record Opened(Endpoint endpoint, Call call, Response response) implements AutoCloseable {
        @Override
        public void close() {
            response.close();
        }
    }

    /** Sends the request until an endpoint answers 2xx. */
    Opened open() {
        while (true) {
            checkCancelled();
            List<Endpoint> endpoints = caller.endpoints();
            if (endpointIndex >= endpoints.size()) {
                throw finalFailure();
            }
            Endpoint endpoint = endpoints.get(endpointIndex);
            Request httpRequest = httpRequest(endpoint);
            if (!endpoint.breaker().tryAcquire()) {
                skipped.add(endpoint.label());
                nextEndpoint();
                continue;
            }
            long remaining = remainingMillis();
            if (remaining <= 0) {
                endpoint.breaker().onNeutral();
                throw deadlineExceeded(endpoint, null);
            }
            Call call = caller.client().newCall(httpRequest);
            call.timeout().timeout(remaining, TimeUnit.MILLISECONDS);
            current.set(call);
            if (context.isCancelled()) {
                call.cancel();
            }
            Response response;
            try {
                response = call.execute();
            } catch (IOException e) {
                if (context.isCancelled()) {
                    endpoint.breaker().onNeutral();
                    throw cancelled(e);
                }
                HybridException mapped = endpoint.errors().fromIo(e, isDeadline(e));
                recordFailure(endpoint, mapped);
                decide(mapped, null);
                continue;
            }
            if (response.isSuccessful()) {
                endpoint.breaker().onSuccess();
                return new Opened(endpoint, call, response);
            }
            HybridException mapped;
            try (Response r = response) {
                mapped = endpoint.errors().fromStatus(r.code(), r.headers(), errorBody(r));
            }
            recordFailure(endpoint, mapped);
            decide(mapped, response.headers());
        }
    }

    /**
     * After a failure reading an open response (before anything reached the caller): records it and sends the
     * request again if retries or endpoints remain, else throws.
     */
    Opened reopenAfter(Opened failed, HybridException failure) {
        failed.close();
        if (context.isCancelled()) {
            throw cancelled(failure);
        }
        recordFailure(failed.endpoint(), failure);
        decide(failure, failed.response().headers());
        return open();
    }

    /** Records a failure of an open response that will not be retried (e.g. after chunks reached the caller). */
    void recordFailure(Endpoint endpoint, HybridException failure) {
        last = failure;
        if (failure instanceof ConnectivityException
                || failure instanceof RequestTimeoutException
                || failure instanceof ServerErrorException) {
            endpoint.breaker().onFailure(failure.getMessage(), failure instanceof ConnectivityException);
        } else {
            endpoint.breaker().onNeutral();
        }
    }

    boolean isCancelled() {
        return context.isCancelled();
    }

    /** Cancels the HTTP call in flight, if any. */
    void cancelCurrent() {
        Call call = current.get();
        if (call != null) {
            call.cancel();
        }
    }

    /** Whether an I/O failure was the whole-call timeout firing. */
    boolean isDeadline(IOException e) {
        return e.getClass() == InterruptedIOException.class || remainingMillis() <= 0;
    }

    /** Returns normally when another attempt should be made; throws the failure otherwise. */
    private void decide(HybridException failure, Headers headers) {
        last = failure;
        if (failure instanceof RequestTimeoutException && remainingMillis() <= 0) {
            throw failure;
        }
        Boolean serverAdvice = RetryPolicy.shouldRetryHeader(headers);
        boolean retryable = serverAdvice != null ? serverAdvice : failure.isRetryable();
        if (!retryable) {
            throw failure;
        }
        if (attemptOnEndpoint < caller.retryPolicy().maxRetries()) {
            Duration serverDelay = failure instanceof RateLimitedException r
                    ? r.retryAfter().orElse(null)
                    : RetryPolicy.retryAfter(headers);
            Duration delay = caller.retryPolicy().delay(attemptOnEndpoint + 1, serverDelay);
            if (delay.toMillis() >= remainingMillis()) {
                throw failure;
            }
            attemptOnEndpoint++;
            sleep(delay);
            return;
        }
        nextEndpoint();
    }

    private void nextEndpoint() {
        endpointIndex++;
        attemptOnEndpoint = 0;
    }

    private HybridException finalFailure() {
        if (last != null) {
            return last;
        }
        return new CircuitOpenException(
                "circuit open for " + String.join(", ", skipped) + " after repeated failures; no call was sent");
    }

    private void sleep(Duration delay) {
        try {
            caller.sleeper().sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cancelled(e);
        }
        checkCancelled();
    }

    private Request httpRequest(Endpoint endpoint) {
        RequestBody body = bodies[endpointIndex];
        if (body == null) {
            String model = request.model().orElse(endpoint.model());
            if (model == null) {
                throw new ConfigurationException(
                        "no model for " + endpoint.label() + ": set the backend's model(...) or the request's model");
            }
            body = RequestBody.create(caller.encoder().encode(request, model, stream), JSON);
            bodies[endpointIndex] = body;
        }
        Request.Builder b = new Request.Builder()
                .url(endpoint.chatUrl())
                .header("Accept", stream ? "text/event-stream" : "application/json")
                .post(body);
        if (!endpoint.apiKey().isEmpty()) {
            b.header("Authorization", "Bearer " + endpoint.apiKey());
        }
        caller.headers().forEach(h -> b.header(h.getKey(), h.getValue()));
        return b.build();
    }

    private static String errorBody(Response response) {
        try {
            return response.peekBody(MAX_ERROR_BODY).string();
        } catch (IOException e) {
            return "";
        }
    }

    private long remainingMillis() {
        return deadlineMillis - caller.clock().millis();
    }

    private HybridException deadlineExceeded(Endpoint endpoint, Throwable cause) {
        return new RequestTimeoutException(
                "call to " + endpoint.label() + " exceeded its whole-call timeout"
                        + (last == null ? "" : " (last failure: " + last.getMessage() + ")"),
                cause);
    }

    private void checkCancelled() {
        if (context.isCancelled()) {
            throw cancelled(null);
        }
    }

    static CancellationException cancelled(Throwable cause) {
        CancellationException e = new CancellationException("call was cancelled");
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }
}
