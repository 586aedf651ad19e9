package io.hybridllm.core.internal;

import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.ChatResponse;
import io.hybridllm.core.HybridEventListener;
import io.hybridllm.core.experiment.Experiment;
import io.hybridllm.core.experiment.ExperimentRecord;
import io.hybridllm.core.experiment.ExperimentRecorder;
import io.hybridllm.core.privacy.SensitivityLevel;
import io.hybridllm.core.routing.Route;
import io.hybridllm.core.routing.RoutingDecision;
import io.hybridllm.core.routing.internal.ExperimentPolicy;
import io.hybridllm.core.scoring.RequestAssessment;
import io.hybridllm.core.spi.CallContext;
import io.hybridllm.core.spi.ChatBackend;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client side of an experiment: for each call of a unit, a listener that collects the assessment and decision,
 * and at the end of the call writes one {@link ExperimentRecord}, after a shadow run on the other arm when the call
 * is sampled for one. A shadow run goes to the remote endpoint only for a request with no sensitive items at all.
 */
public final class ExperimentRun {
    private static final Logger log = LoggerFactory.getLogger(ExperimentRun.class);

    private static final Duration SHADOW_TIMEOUT = Duration.ofSeconds(120);

    private final Experiment experiment;
    private final ExperimentRecorder recorder;
    private final ChatBackend local;
    private final ChatBackend remote;
    private final Supplier<Executor> executor;
    private final Clock clock;
    private final Set<PendingShadow> pendingShadows = ConcurrentHashMap.newKeySet();

    public ExperimentRun(
            Experiment experiment,
            ExperimentRecorder recorder,
            ChatBackend local,
            ChatBackend remote,
            Supplier<Executor> executor,
            Clock clock) {
        this.experiment = Objects.requireNonNull(experiment, "experiment == null");
        this.recorder = Objects.requireNonNull(recorder, "recorder == null");
        this.local = local;
        this.remote = remote;
        this.executor = executor;
        this.clock = clock;
    }

    public Experiment experiment() {
        return experiment;
    }

    /**
     * Records, without waiting, every call whose shadow run has not finished yet, its shadow marked as cancelled; a
     * shadow finishing later is dropped. Called when the client closes, so closing never loses a record.
     */
    void close() {
        for (PendingShadow p : pendingShadows) {
            if (pendingShadows.remove(p)) {
                record(p.record()
                        .shadow(ExperimentRecord.Shadow.of(
                                p.route(), (System.nanoTime() - p.startNanos()) / 1e6, -1, "CancellationException"))
                        .build());
            }
        }
    }

    /** A call waiting for its shadow run before it is recorded. */
    private record PendingShadow(ExperimentRecord.Builder record, Route route, long startNanos) {}

    /** The listener for one call: {@code delegate} itself when the request has no unit (no {@code user}). */
    HybridEventListener forCall(ChatRequest request, HybridEventListener delegate) {
        if (request.user().isEmpty()) {
            return delegate;
        }
        return new CallListener(delegate, request.user().get(), clock.instant());
    }

    private void record(ExperimentRecord r) {
        try {
            recorder.record(r);
        } catch (RuntimeException e) {
            log.warn(
                    "experiment {}: recorder {} failed: {}",
                    experiment.name(),
                    recorder.getClass().getName(),
                    e);
        }
    }

    private final class CallListener implements HybridEventListener {
        private final HybridEventListener delegate;
        private final String unit;
        private final Instant start;
        private volatile RequestAssessment assessment;
        private volatile RoutingDecision decision;

        CallListener(HybridEventListener delegate, String unit, Instant start) {
            this.delegate = delegate;
            this.unit = unit;
            this.start = start;
        }

        @Override
        public void assessed(ChatRequest request, RequestAssessment a) {
            assessment = a;
            delegate.assessed(request, a);
        }

        @Override
        public void routeSelected(ChatRequest request, RoutingDecision d) {
            decision = d;
            delegate.routeSelected(request, d);
        }

        @Override
        public void cacheHit(ChatRequest request, ChatResponse response) {
            delegate.cacheHit(request, response);
        }

        @Override
        public void fallback(ChatRequest request, Route from, Route to, Throwable cause) {
            delegate.fallback(request, from, to, cause);
        }

        @Override
        public void firstToken(ChatRequest request, Route route, Duration sinceStart) {
            delegate.firstToken(request, route, sinceStart);
        }

        @Override
        public void callEnd(ChatRequest request, ChatResponse response, Duration duration) {
            delegate.callEnd(request, response, duration);
            finish(request, response.routingDecision().orElse(decision), response, null, duration);
        }

        @Override
        public void callFailed(ChatRequest request, Throwable error, Duration duration) {
            delegate.callFailed(request, error, duration);
            finish(request, decision, null, error, duration);
        }

        private void finish(
                ChatRequest request, RoutingDecision d, ChatResponse response, Throwable error, Duration duration) {
            try {
                recordCall(request, d, response, error, duration);
            } catch (RuntimeException e) {
                log.warn("experiment {}: cannot record a call: {}", experiment.name(), e.toString());
            }
        }

        private void recordCall(
                ChatRequest request, RoutingDecision d, ChatResponse response, Throwable error, Duration duration) {
            Experiment.Assignment assignment = experiment.assign(unit);
            Route arm = assignment.arm();
            Route route = d == null ? Route.REFUSED : d.route();
            String override = null;
            if (d == null) {
                override = "not routed";
            } else if (d.fellBackFrom().isPresent()) {
                override = "fallback from " + d.fellBackFrom().get();
            } else if (route.leavesDevice() != (arm == Route.REMOTE)) {
                override = ExperimentPolicy.notFollowedCode(d).orElse("policy");
            }
            ExperimentRecord.Builder b = ExperimentRecord.builder()
                    .timestamp(start)
                    .experiment(experiment.name())
                    .unit(assignment.unitKey())
                    .bucket(assignment.bucket())
                    .remoteShare(experiment.remoteShare())
                    .arm(arm)
                    .route(route)
                    .override(override)
                    .latencyMillis(duration.toNanos() / 1e6)
                    .error(error == null ? null : error.getClass().getSimpleName());
            RequestAssessment a = assessment;
            if (a != null) {
                b.complexity(a.complexity().score()).privacy(a.privacy().level().name());
            }
            if (response != null) {
                b.promptTokens(response.usage().promptTokens())
                        .completionTokens(response.usage().completionTokens());
            }
            ChatBackend shadowBackend = response == null ? null : shadowBackend(route, a);
            if (shadowBackend == null) {
                record(b.build());
                return;
            }
            Route shadowRoute = shadowBackend == local ? Route.LOCAL : Route.REMOTE;
            PendingShadow pending = new PendingShadow(b, shadowRoute, System.nanoTime());
            pendingShadows.add(pending);
            try {
                executor.get().execute(() -> {
                    ExperimentRecord.Shadow result = shadow(shadowBackend, shadowRoute, request);
                    if (pendingShadows.remove(pending)) {
                        record(b.shadow(result).build());
                    }
                });
            } catch (RejectedExecutionException e) {
                if (pendingShadows.remove(pending)) {
                    record(b.build());
                }
            }
        }

        /** The backend of the other arm when this call is sampled for a shadow run and may have one, else null. */
        private ChatBackend shadowBackend(Route served, RequestAssessment a) {
            double share = experiment.shadowShare();
            if (share <= 0 || (share < 1 && ThreadLocalRandom.current().nextDouble() >= share)) {
                return null;
            }
            if (served.leavesDevice()) {
                return usable(local) ? local : null;
            }
            boolean clean = a != null && a.privacy().level() == SensitivityLevel.NONE;
            return clean && usable(remote) ? remote : null;
        }
    }

    private static boolean usable(ChatBackend backend) {
        return Router.status(backend).isUsable();
    }

    private static ExperimentRecord.Shadow shadow(ChatBackend backend, Route route, ChatRequest request) {
        long t0 = System.nanoTime();
        try {
            ChatResponse r = backend.chat(request, CallContext.withTimeout(SHADOW_TIMEOUT));
            return ExperimentRecord.Shadow.of(
                    route, (System.nanoTime() - t0) / 1e6, r.usage().completionTokens(), null);
        } catch (RuntimeException e) {
            return ExperimentRecord.Shadow.of(
                    route, (System.nanoTime() - t0) / 1e6, -1, e.getClass().getSimpleName());
        }
    }
}
