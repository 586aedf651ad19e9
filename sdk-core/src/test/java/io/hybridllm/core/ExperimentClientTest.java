package io.hybridllm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hybridllm.core.complexity.ComplexityScorers;
import io.hybridllm.core.errors.HybridException;
import io.hybridllm.core.errors.LocalInferenceException;
import io.hybridllm.core.errors.ServerErrorException;
import io.hybridllm.core.experiment.Experiment;
import io.hybridllm.core.experiment.ExperimentRecord;
import io.hybridllm.core.routing.Route;
import io.hybridllm.core.spi.BackendHealth;
import io.hybridllm.core.testing.FakeChatBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client running an A/B experiment of the local model against the remote endpoint. */
class ExperimentClientTest {
    private static final String CARD = "4111 1111 1111 1111";

    private final FakeChatBackend local = FakeChatBackend.local();
    private final FakeChatBackend remote = FakeChatBackend.remote();
    private final List<ExperimentRecord> records = new CopyOnWriteArrayList<>();
    private HybridClient client;

    @AfterEach
    void closeClient() {
        if (client != null) {
            client.close();
        }
    }

    private static Experiment experiment(double shadowShare) {
        return Experiment.builder("local-vs-remote")
                .remoteShare(0.5)
                .shadowShare(shadowShare)
                .build();
    }

    /** A client whose policy alone would route everything by a fixed complexity; shadows run on the caller. */
    private HybridClient client(Experiment exp, double complexity) {
        return HybridClient.builder()
                .localBackend(local)
                .remoteBackend(remote)
                .complexityScorer(ComplexityScorers.fixed(complexity))
                .executor(Runnable::run)
                .experiment(exp, records::add)
                .build();
    }

    /** The first unit id the experiment puts in {@code arm}. */
    private static String unitIn(Experiment exp, Route arm) {
        return IntStream.range(0, 1000)
                .mapToObj(i -> "user-" + i)
                .filter(u -> exp.armOf(u) == arm)
                .findFirst()
                .orElseThrow();
    }

    private static ChatRequest ask(String text, String user) {
        return ChatRequest.builder().addUserMessage(text).user(user).build();
    }

    @Test
    void unitsAreServedByTheirArm_whateverTheComplexity() {
        Experiment exp = experiment(0);
        String remoteUnit = unitIn(exp, Route.REMOTE);
        String localUnit = unitIn(exp, Route.LOCAL);
        client = client(exp, 0.99); // the hybrid policy alone would send everything remote

        ChatResponse toRemote = client.chat(ask("hello there", remoteUnit));
        ChatResponse toLocal = client.chat(ask("hello there", localUnit));

        assertThat(toRemote.route()).contains(Route.REMOTE);
        assertThat(toLocal.route()).contains(Route.LOCAL);
        assertThat(toLocal.routingDecision().orElseThrow().reasons().get(0))
                .isEqualTo("experiment local-vs-remote: arm LOCAL");
        assertThat(records).hasSize(2);
        ExperimentRecord r = records.get(1);
        assertThat(r.experiment()).isEqualTo("local-vs-remote");
        assertThat(r.arm()).isEqualTo(Route.LOCAL);
        assertThat(r.route()).isEqualTo(Route.LOCAL);
        assertThat(r.override()).isEmpty();
        assertThat(r.unit()).isEqualTo(exp.unitKey(localUnit));
        assertThat(r.bucket()).isEqualTo(exp.bucketOf(localUnit));
        assertThat(r.remoteShare()).isEqualTo(0.5);
        assertThat(r.complexity()).isEqualTo(0.99);
        assertThat(r.privacy()).contains("NONE");
        assertThat(r.completionTokens()).isEqualTo(toLocal.usage().completionTokens());
        assertThat(r.latencyMillis()).isNotNegative();
        assertThat(r.error()).isEmpty();
        assertThat(r.toJson()).doesNotContain(localUnit).doesNotContain("hello there");
    }

    @Test
    void requestsWithoutAUser_followThePolicy_andAreNotRecorded() {
        client = client(experiment(0), 0.99);

        ChatResponse r = client.chat(ChatRequest.ofUserMessage("hello there"));

        assertThat(r.route()).contains(Route.REMOTE);
        assertThat(r.routingDecision().orElseThrow().explanation()).doesNotContain("experiment");
        assertThat(records).isEmpty();
    }

    @Test
    void remoteArm_sensitiveRequest_staysLocal_andTheRecordSaysWhy() {
        Experiment exp = experiment(0);
        client = client(exp, 0.1);

        ChatResponse r = client.chat(ask("charge my card " + CARD, unitIn(exp, Route.REMOTE)));

        assertThat(r.route()).contains(Route.LOCAL);
        assertThat(remote.requests).isEmpty();
        ExperimentRecord rec = records.get(0);
        assertThat(rec.arm()).isEqualTo(Route.REMOTE);
        assertThat(rec.route()).isEqualTo(Route.LOCAL);
        assertThat(rec.override()).contains("privacy");
        assertThat(rec.toJson()).doesNotContain(CARD).doesNotContain("4111");
    }

    @Test
    void remoteArm_remoteDown_isServedLocally_asAnUnavailableOverride() {
        Experiment exp = experiment(0);
        remote.health(BackendHealth.unavailable("maintenance"));
        client = client(exp, 0.1);

        client.chat(ask("hello there", unitIn(exp, Route.REMOTE)));

        assertThat(records.get(0).route()).isEqualTo(Route.LOCAL);
        assertThat(records.get(0).override()).contains("unavailable");
    }

    @Test
    void remoteArm_remoteFails_fallsBackLocally_andIsRecordedAsAFallback() {
        Experiment exp = experiment(0);
        remote.failWith(new ServerErrorException("bad gateway", 502, null, "req-1", "down"));
        client = client(exp, 0.1);

        ChatResponse r = client.chat(ask("hello there", unitIn(exp, Route.REMOTE)));

        assertThat(r.route()).contains(Route.LOCAL);
        assertThat(records.get(0).route()).isEqualTo(Route.LOCAL);
        assertThat(records.get(0).override()).contains("fallback from REMOTE");
    }

    @Test
    void failedCall_isRecordedWithItsErrorType() {
        Experiment exp = experiment(0);
        local.failWith(new LocalInferenceException("onnx failed"));
        remote.failWith(new ServerErrorException("bad gateway", 502, null, "req-1", "down"));
        client = client(exp, 0.1);

        assertThatThrownBy(() -> client.chat(ask("hello there", unitIn(exp, Route.LOCAL))))
                .isInstanceOf(HybridException.class);

        assertThat(records).hasSize(1);
        assertThat(records.get(0).error()).isPresent();
        assertThat(records.get(0).completionTokens()).isEqualTo(-1);
    }

    @Test
    void shadowRun_runsTheOtherArm_andRecordsItNextToThePrimary() {
        Experiment exp = experiment(1);
        client = client(exp, 0.1);

        ChatResponse r = client.chat(ask("hello there", unitIn(exp, Route.LOCAL)));

        assertThat(r.text()).startsWith("local:");
        assertThat(remote.requests).hasSize(1);
        ExperimentRecord rec = records.get(0);
        ExperimentRecord.Shadow shadow = rec.shadow().orElseThrow();
        assertThat(shadow.route()).isEqualTo(Route.REMOTE);
        assertThat(shadow.error()).isEmpty();
        assertThat(shadow.completionTokens()).isPositive();
        assertThat(shadow.latencyMillis()).isNotNegative();
    }

    @Test
    void shadowRun_neverSendsASensitiveRequestToTheRemote() {
        Experiment exp = experiment(1);
        client = client(exp, 0.1);

        client.chat(ask("charge my card " + CARD, unitIn(exp, Route.LOCAL)));

        assertThat(remote.requests).isEmpty();
        assertThat(records.get(0).shadow()).isEmpty();
    }

    @Test
    void shadowRun_ofARemoteCall_runsLocally_andItsFailureIsRecordedNotThrown() {
        Experiment exp = experiment(1);
        local.failWith(new LocalInferenceException("onnx failed"));
        client = client(exp, 0.1);

        ChatResponse r = client.chat(ask("hello there", unitIn(exp, Route.REMOTE)));

        assertThat(r.route()).contains(Route.REMOTE);
        assertThat(records.get(0).shadow().orElseThrow().route()).isEqualTo(Route.LOCAL);
        assertThat(records.get(0).shadow().orElseThrow().error()).contains("LocalInferenceException");
    }

    @Test
    void closingTheClient_recordsCallsStillWaitingForTheirShadow_once() {
        Experiment exp = experiment(1);
        List<Runnable> queued = new ArrayList<>();
        client = HybridClient.builder()
                .localBackend(local)
                .remoteBackend(remote)
                .executor(queued::add) // shadow runs wait here until the test runs them
                .experiment(exp, records::add)
                .build();

        client.chat(ask("hello there", unitIn(exp, Route.LOCAL)));
        assertThat(records).isEmpty();
        client.close();

        assertThat(records).hasSize(1);
        assertThat(records.get(0).shadow().orElseThrow().error()).contains("CancellationException");
        queued.forEach(Runnable::run); // the shadow finishing after close is dropped, not recorded twice
        assertThat(records).hasSize(1);
    }

    @Test
    void streamingCall_isRecordedWhenTheStreamEnds() {
        Experiment exp = experiment(0);
        client = client(exp, 0.1);

        try (ChatStream s = client.chatStreaming(ask("hello there", unitIn(exp, Route.REMOTE)))) {
            assertThat(records).isEmpty();
            s.forEach(c -> {});
        }

        assertThat(records).hasSize(1);
        assertThat(records.get(0).route()).isEqualTo(Route.REMOTE);
        assertThat(records.get(0).completionTokens()).isPositive();
    }

    @Test
    void streamClosedBeforeItsEnd_isRecordedAsCancelled() {
        Experiment exp = experiment(0);
        client = client(exp, 0.1);

        try (ChatStream s = client.chatStreaming(ask("hello there my friend", unitIn(exp, Route.LOCAL)))) {
            s.iterator().next();
        }

        assertThat(records).singleElement().satisfies(r -> assertThat(r.error()).contains("CancellationException"));
    }

    @Test
    void aFailingRecorder_neverFailsTheCall() {
        Experiment exp = experiment(0);
        client = HybridClient.builder()
                .localBackend(local)
                .remoteBackend(remote)
                .experiment(exp, r -> {
                    throw new IllegalStateException("disk full");
                })
                .build();

        ChatResponse r = client.chat(ask("hello there", unitIn(exp, Route.LOCAL)));

        assertThat(r.text()).startsWith("local:");
    }
}
