package io.hybridllm.core.internal;

import io.hybridllm.core.ChatChunk;
import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.ChatResponse;
import io.hybridllm.core.ChatStream;
import io.hybridllm.core.HybridEventListener;
import io.hybridllm.core.Interceptor;
import io.hybridllm.core.StreamHandle;
import io.hybridllm.core.StreamHandler;
import io.hybridllm.core.errors.HybridException;
import io.hybridllm.core.experiment.Experiment;
import io.hybridllm.core.experiment.ExperimentRecorder;
import io.hybridllm.core.privacy.OutboundLeakAction;
import io.hybridllm.core.privacy.PrivacyRule;
import io.hybridllm.core.privacy.PrivacyScanner;
import io.hybridllm.core.privacy.Redactor;
import io.hybridllm.core.routing.RoutingPolicy;
import io.hybridllm.core.routing.internal.ExperimentPolicy;
import io.hybridllm.core.scoring.RequestScorer;
import io.hybridllm.core.spi.CallContext;
import io.hybridllm.core.spi.ChatBackend;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/** The working parts behind a {@code HybridClient}: the chain, the router, the executor. */
public final class ClientRuntime {
    private final SharedResources resources;
    private final boolean ownsResources;
    private final Router router;
    private final List<Interceptor> interceptors;
    private final HybridEventListener listener;
    private final Duration callTimeout;
    private final ExperimentRun experiment;

    private ClientRuntime(
            SharedResources resources,
            boolean ownsResources,
            Router router,
            List<Interceptor> interceptors,
            HybridEventListener listener,
            Duration callTimeout,
            ExperimentRun experiment) {
        this.resources = resources;
        this.ownsResources = ownsResources;
        this.router = router;
        this.interceptors = interceptors;
        this.listener = listener;
        this.callTimeout = callTimeout;
        this.experiment = experiment;
    }

    /** Builds a runtime; with {@code shared} set, it uses (and does not close) that runtime's resources. */
    public static ClientRuntime create(
            ClientRuntime shared,
            ChatBackend local,
            ChatBackend remote,
            RequestScorer scorer,
            RoutingPolicy policy,
            PrivacyScanner scanner,
            PrivacyRule privacyRule,
            Redactor redactor,
            OutboundLeakAction leakAction,
            List<Interceptor> userInterceptors,
            HybridEventListener listener,
            Executor executor,
            Duration callTimeout,
            long cacheSize,
            Duration cacheTtl,
            Experiment experiment,
            ExperimentRecorder experimentRecorder) {
        SharedResources resources = shared != null ? shared.resources : new SharedResources(local, remote, executor);
        Router router = new Router(
                scorer,
                experiment == null ? policy : new ExperimentPolicy(policy, experiment),
                privacyRule,
                local,
                remote);
        ExperimentRun run = experiment == null
                ? null
                : new ExperimentRun(
                        experiment, experimentRecorder, local, remote, resources::executor, Clock.systemUTC());
        List<Interceptor> chain = new ArrayList<>(userInterceptors);
        chain.add(new RoutingInterceptor(router));
        if (cacheSize > 0) {
            chain.add(new ResponseCacheInterceptor(cacheSize, cacheTtl));
        }
        chain.add(new FallbackInterceptor(leakAction));
        chain.add(new RedactionInterceptor(redactor));
        chain.add(new OutboundPrivacyGuard(scanner, privacyRule));
        chain.add(new BackendInterceptor(local, remote));
        return new ClientRuntime(
                resources,
                shared == null,
                router,
                List.copyOf(chain),
                new SafeEventListener(listener),
                callTimeout,
                run);
    }

    public Router router() {
        return router;
    }

    public CallContext newContext(ChatRequest request) {
        Duration timeout = request.timeout().orElse(callTimeout);
        return timeout == null ? CallContext.create() : CallContext.withTimeout(timeout);
    }

    /** The listener of one call: the client's, and the experiment's bookkeeping when the request has a unit. */
    private HybridEventListener listenerFor(ChatRequest request) {
        return experiment == null ? listener : experiment.forCall(request, listener);
    }

    private ChatStream runChain(ChatRequest request, CallState state) {
        return new RealInterceptorChain(interceptors, 0, request, state).proceed(request);
    }

    public ChatResponse chat(ChatRequest request, CallContext context) {
        CallState state = new CallState(context, false, listenerFor(request), System.nanoTime());
        try {
            ChatResponse response = runChain(request, state).collect().toBuilder()
                    .routingDecision(state.decision)
                    .build();
            if (context.isCancelled()) {
                throw new CancellationException("call was cancelled");
            }
            state.listener.callEnd(request, response, since(state));
            return response;
        } catch (RuntimeException e) {
            RuntimeException error = wrap(e);
            state.listener.callFailed(request, error, since(state));
            throw error;
        }
    }

    public CompletableFuture<ChatResponse> chatAsync(ChatRequest request) {
        CallContext context = newContext(request);
        CompletableFuture<ChatResponse> future = new CompletableFuture<>();
        future.whenComplete((r, e) -> {
            if (e instanceof CancellationException) {
                context.cancel();
            }
        });
        try {
            resources.executor().execute(() -> {
                if (future.isDone()) {
                    return;
                }
                try {
                    future.complete(chat(request, context));
                } catch (RuntimeException e) {
                    future.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            future.completeExceptionally(new HybridException("client is closed", false, e));
        }
        return future;
    }

    public ChatStream chatStreaming(ChatRequest request, CallContext context) {
        CallState state = new CallState(context, true, listenerFor(request), System.nanoTime());
        try {
            return new ObservedChatStream(runChain(request, state), request, state, System::nanoTime);
        } catch (RuntimeException e) {
            RuntimeException error = wrap(e);
            state.listener.callFailed(request, error, since(state));
            throw error;
        }
    }

    public StreamHandle chatStreaming(ChatRequest request, StreamHandler handler) {
        CallContext context = newContext(request);
        HandlerStream handle = new HandlerStream(handler, context);
        try {
            resources.executor().execute(() -> handle.run(() -> chatStreaming(request, context)));
        } catch (RejectedExecutionException e) {
            handle.fail(new HybridException("client is closed", false, e));
        }
        return handle;
    }

    private static RuntimeException wrap(RuntimeException e) {
        if (e instanceof HybridException || e instanceof CancellationException || e instanceof IllegalStateException) {
            return e;
        }
        return new HybridException("call failed: " + e, false, e);
    }

    private static Duration since(CallState state) {
        return Duration.ofNanos(System.nanoTime() - state.startNanos);
    }

    public void close() {
        if (experiment != null && ownsResources) {
            experiment.close(); // before the executor stops: calls waiting for a shadow run are recorded now
        }
        if (ownsResources) {
            resources.close();
        }
    }

    /** Drives a stream into a {@link StreamHandler}, with exactly one terminal callback. */
    private static final class HandlerStream implements StreamHandle {
        private final StreamHandler handler;
        private final CallContext context;
        private final CompletableFuture<ChatResponse> completion = new CompletableFuture<>();
        private final AtomicBoolean terminated = new AtomicBoolean();
        private final Object callbackLock = new Object();

        HandlerStream(StreamHandler handler, CallContext context) {
            this.handler = handler;
            this.context = context;
        }

        void run(java.util.function.Supplier<ChatStream> start) {
            if (terminated.get()) {
                return;
            }
            try (ChatStream stream = start.get()) {
                ChunkAccumulator accumulator = new ChunkAccumulator();
                for (ChatChunk chunk : stream) {
                    synchronized (callbackLock) {
                        if (terminated.get()) {
                            return;
                        }
                        handler.onChunk(chunk);
                    }
                    accumulator.add(chunk);
                }
                ChatResponse response = accumulator.toResponse().toBuilder()
                        .routingDecision(stream.routingDecision().orElse(null))
                        .build();
                if (terminated.compareAndSet(false, true)) {
                    synchronized (callbackLock) {
                        handler.onComplete(response);
                    }
                    completion.complete(response);
                }
            } catch (RuntimeException e) {
                fail(e);
            }
        }

        void fail(Throwable error) {
            if (terminated.compareAndSet(false, true)) {
                synchronized (callbackLock) {
                    handler.onError(error);
                }
                completion.completeExceptionally(error);
            }
        }

        @Override
        public void cancel() {
            // Terminal state first, so a stream that ends because of the cancellation cannot report completion.
            fail(new CancellationException("stream cancelled"));
            context.cancel();
        }

        @Override
        public CompletableFuture<ChatResponse> completion() {
            return completion;
        }
    }
}
