package io.hybridllm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hybridllm.core.complexity.ComplexityScorers;
import io.hybridllm.core.errors.AuthenticationException;
import io.hybridllm.core.errors.BackendUnavailableException;
import io.hybridllm.core.errors.BadRequestException;
import io.hybridllm.core.errors.ConfigurationException;
import io.hybridllm.core.errors.ConnectivityException;
import io.hybridllm.core.errors.ContextLengthExceededException;
import io.hybridllm.core.errors.HybridException;
import io.hybridllm.core.errors.LocalInferenceException;
import io.hybridllm.core.errors.ModelLoadException;
import io.hybridllm.core.errors.ModelNotAvailableException;
import io.hybridllm.core.errors.OutboundLeakException;
import io.hybridllm.core.errors.PolicyViolationException;
import io.hybridllm.core.errors.RateLimitedException;
import io.hybridllm.core.errors.RequestTimeoutException;
import io.hybridllm.core.errors.ServerErrorException;
import io.hybridllm.core.privacy.OutboundLeakAction;
import io.hybridllm.core.privacy.PrivacyRule;
import io.hybridllm.core.privacy.Redactor;
import io.hybridllm.core.routing.Route;
import io.hybridllm.core.routing.RoutingDecision;
import io.hybridllm.core.routing.RoutingPolicies;
import io.hybridllm.core.spi.BackendHealth;
import io.hybridllm.core.testing.FakeChatBackend;
import io.hybridllm.core.testing.RecordingEventListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HybridClientTest {
    private static final String CARD = "4111 1111 1111 1111";
    private static final String EMAIL = "jane.doe@example.com";

    private final FakeChatBackend local = FakeChatBackend.local();
    private final FakeChatBackend remote = FakeChatBackend.remote();
    private final RecordingEventListener events = new RecordingEventListener();
    private HybridClient client;

    @AfterEach
    void closeClient() {
        if (client != null) {
            client.close();
        }
    }

    private HybridClient.Builder builder(double complexity) {
        return HybridClient.builder()
                .localBackend(local)
                .remoteBackend(remote)
                .complexityScorer(ComplexityScorers.fixed(complexity))
                .eventListener(events);
    }

    private static ChatRequest ask(String text) {
        return ChatRequest.ofUserMessage(text);
    }

    @Test
    void chat_simpleRequest_isServedLocallyAndSaysWhy() {
        client = builder(0.1).build();

        ChatResponse r = client.chat(ask("hello"));

        assertThat(r.text()).isEqualTo("local:fake says: hello");
        assertThat(r.route()).contains(Route.LOCAL);
        assertThat(r.routingDecision().orElseThrow().explanation()).contains("threshold");
        assertThat(remote.requests).isEmpty();
    }

    @Test
    void chat_complexRequest_escalatesToRemote() {
        client = builder(0.9).build();

        ChatResponse r = client.chat(ask("prove it"));

        assertThat(r.route()).contains(Route.REMOTE);
        assertThat(remote.requests).hasSize(1);
        assertThat(local.requests).isEmpty();
    }

    @Test
    void chat_sensitiveComplexRequest_neverReachesRemote() {
        client = builder(0.9).build();

        ChatResponse r = client.chat(ask("charge card " + CARD + " and explain"));

        assertThat(r.route()).contains(Route.LOCAL);
        assertThat(remote.requests).isEmpty();
    }

    @Test
    void chat_sensitiveRequestWhenLocalFails_doesNotFallBackToRemote() {
        local.failWith(new LocalInferenceException("onnx failed"));
        client = builder(0.1).build();

        assertThatThrownBy(() -> client.chat(ask("mail " + EMAIL))).isInstanceOf(LocalInferenceException.class);
        assertThat(remote.requests).isEmpty();
    }

    @Test
    void chat_withRedactionAllowed_remoteSeesPlaceholdersAndAnswerIsRestored() {
        remote.answer(r -> "I will write to " + r.lastUserText().replaceAll(".*(<[A-Z_]+_1>).*", "$1"));
        client = builder(0.9).privacyRule(PrivacyRule.withRedaction()).build();

        ChatResponse r = client.chat(ask("draft a note to " + EMAIL + " about the launch"));

        assertThat(r.route()).contains(Route.REMOTE_REDACTED);
        assertThat(remote.requests).singleElement().satisfies(sent -> assertThat(sent.lastUserText())
                .doesNotContain(EMAIL)
                .contains("<EMAIL_ADDRESS_1>"));
        assertThat(r.text()).isEqualTo("I will write to " + EMAIL);
    }

    @Test
    void chatStreaming_withRedaction_restoresPlaceholderSplitAcrossChunks() {
        remote.answer(r -> "Dear <EMAIL_ADDRESS_1> , thanks");
        client = builder(0.9).privacyRule(PrivacyRule.withRedaction()).build();

        StringBuilder text = new StringBuilder();
        try (ChatStream s = client.chatStreaming(ask("write to " + EMAIL + " please"))) {
            s.forEach(c -> text.append(c.delta()));
        }

        assertThat(text.toString()).isEqualTo("Dear " + EMAIL + " , thanks");
    }

    @Test
    void outboundGuard_redactorThatMissesAnItem_servesTheRequestLocally() {
        client = builder(0.9)
                .privacyRule(PrivacyRule.withRedaction())
                .redactor(redactorThatMissesEverything())
                .build();

        ChatResponse r = client.chat(ask("write to " + EMAIL));

        assertThat(remote.requests).isEmpty();
        assertThat(r.route()).contains(Route.LOCAL);
        RoutingDecision decision = r.routingDecision().orElseThrow();
        assertThat(decision.fellBackFrom()).contains(Route.REMOTE_REDACTED);
        assertThat(decision.explanation()).contains("OutboundLeakException").contains("EMAIL_ADDRESS");
        assertThat(decision.explanation()).doesNotContain(EMAIL);
    }

    @Test
    void outboundGuard_setToRefuse_blocksTheRequestAndSendsNothing() {
        client = builder(0.9)
                .privacyRule(PrivacyRule.withRedaction())
                .redactor(redactorThatMissesEverything())
                .onOutboundLeak(OutboundLeakAction.REFUSE)
                .build();

        assertThatThrownBy(() -> client.chat(ask("write to " + EMAIL)))
                .isInstanceOf(OutboundLeakException.class)
                .hasMessageContaining("EMAIL_ADDRESS")
                .hasMessageNotContaining(EMAIL);
        assertThat(remote.requests).isEmpty();
        assertThat(local.requests).isEmpty();
    }

    @Test
    void outboundGuard_whenThePolicyNamesNoLocalFallback_refusesEvenWhenSetToServeLocally() {
        client = builder(0.9)
                .routingPolicy(RoutingPolicies.remoteOnly())
                .privacyRule(PrivacyRule.withRedaction())
                .redactor(redactorThatMissesEverything())
                .build();

        assertThatThrownBy(() -> client.chat(ask("write to " + EMAIL))).isInstanceOf(OutboundLeakException.class);
        assertThat(remote.requests).isEmpty();
        assertThat(local.requests).isEmpty();
    }

    private static Redactor redactorThatMissesEverything() {
        return (request, assessment) ->
                Redactor.placeholders().redact(request, io.hybridllm.core.privacy.PrivacyAssessment.none());
    }

    static Stream<Arguments> fallbackCases() {
        return Stream.of(
                // failing route, failure, falls back?
                Arguments.of(Route.LOCAL, new LocalInferenceException("ort error"), true),
                Arguments.of(Route.LOCAL, new ModelLoadException("model.onnx is corrupt"), true),
                Arguments.of(Route.LOCAL, new ModelNotAvailableException("no model"), true),
                Arguments.of(Route.LOCAL, new ContextLengthExceededException("too long", 5000, 2048), true),
                Arguments.of(Route.REMOTE, new ConnectivityException("offline", null), true),
                Arguments.of(Route.REMOTE, new RequestTimeoutException("slow"), true),
                Arguments.of(Route.REMOTE, new ServerErrorException("boom", 503, null, "req-1", "down"), true),
                Arguments.of(Route.REMOTE, new RateLimitedException("slow down", 429, null, null, null, null), true),
                Arguments.of(Route.REMOTE, new AuthenticationException("bad key", 401, null, null, null), false),
                Arguments.of(Route.REMOTE, new BadRequestException("bad", 400, null, null, null), false),
                Arguments.of(Route.REMOTE, new PolicyViolationException("no"), false));
    }

    @ParameterizedTest(name = "{0} fails with {1} -> fallback {2}")
    @MethodSource("fallbackCases")
    void chat_whenChosenRouteFails_fallsBackOnlyForRecoverableFailures(
            Route failing, HybridException failure, boolean fallsBack) {
        (failing == Route.LOCAL ? local : remote).failWith(failure);
        client = builder(failing == Route.LOCAL ? 0.1 : 0.9).build();

        if (fallsBack) {
            ChatResponse r = client.chat(ask("hi"));
            Route other = failing == Route.LOCAL ? Route.REMOTE : Route.LOCAL;
            assertThat(r.route()).contains(other);
            assertThat(r.routingDecision().orElseThrow().fellBackFrom()).contains(failing);
            assertThat(r.routingDecision().orElseThrow().explanation()).contains(failure.getMessage());
            assertThat(events.events).contains("fallback " + failing + "->" + other);
        } else {
            assertThatThrownBy(() -> client.chat(ask("hi"))).isSameAs(failure);
            assertThat(events.events).noneMatch(e -> e.startsWith("fallback"));
        }
    }

    @Test
    void chat_bothRoutesFail_throwsTheSecondWithTheFirstSuppressed() {
        LocalInferenceException first = new LocalInferenceException("ort error");
        ConnectivityException second = new ConnectivityException("offline", null);
        local.failWith(first);
        remote.failWith(second);
        client = builder(0.1).build();

        assertThatThrownBy(() -> client.chat(ask("hi"))).isSameAs(second).satisfies(e -> assertThat(e.getSuppressed())
                .containsExactly(first));
    }

    @Test
    void chat_remoteOffline_routesLocallyWithoutTryingRemote() {
        remote.health(BackendHealth.unavailable("circuit open"));
        client = builder(0.9).build();

        ChatResponse r = client.chat(ask("hard"));

        assertThat(r.route()).contains(Route.LOCAL);
        assertThat(r.routingDecision().orElseThrow().explanation()).contains("circuit open");
        assertThat(remote.requests).isEmpty();
    }

    @Test
    void chat_noBackendUsable_failsAsUnavailable() {
        local.health(BackendHealth.unavailable("no model"));
        remote.health(BackendHealth.unavailable("offline"));
        client = builder(0.1).build();

        assertThatThrownBy(() -> client.chat(ask("hi")))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("no model")
                .hasMessageContaining("offline");
    }

    @Test
    void chat_sensitiveRequestWithOnlyRemoteUsable_isRefusedByPolicy() {
        local.health(BackendHealth.unavailable("no model"));
        client = builder(0.1).build();

        assertThatThrownBy(() -> client.chat(ask("card " + CARD)))
                .isInstanceOf(PolicyViolationException.class)
                .hasMessageContaining("CREDIT_CARD")
                .hasMessageNotContaining(CARD);
        assertThat(remote.requests).isEmpty();
    }

    @Test
    void chatStreaming_failureBeforeFirstChunk_fallsBack() {
        local.failWith(new LocalInferenceException("ort error"));
        client = builder(0.1).build();

        try (ChatStream s = client.chatStreaming(ask("hi"))) {
            assertThat(s.collect().text()).isEqualTo("remote:fake says: hi");
            assertThat(s.routingDecision().orElseThrow().route()).isEqualTo(Route.REMOTE);
        }
    }

    @Test
    void chatStreaming_failureAfterFirstChunk_surfacesWithoutFallback() {
        local.failAfterFirstChunk(new LocalInferenceException("died mid-way"));
        client = builder(0.1).build();

        List<String> seen = new ArrayList<>();
        assertThatThrownBy(() -> {
                    try (ChatStream s = client.chatStreaming(ask("one two three"))) {
                        s.forEach(c -> seen.add(c.delta()));
                    }
                })
                .isInstanceOf(LocalInferenceException.class);
        assertThat(seen).containsExactly("local:fake ");
        assertThat(remote.requests).isEmpty();
        assertThat(events.events).last().isEqualTo("callFailed LocalInferenceException");
    }

    @Test
    void chatStreaming_deliversChunksInOrderAndReportsFirstTokenAndEnd() {
        client = builder(0.1).build();

        List<String> pieces = new ArrayList<>();
        try (ChatStream s = client.chatStreaming(ask("a b"))) {
            s.forEach(c -> pieces.add(c.delta()));
        }

        assertThat(String.join("", pieces)).isEqualTo("local:fake says: a b");
        assertThat(events.events).containsExactly("assessed", "routeSelected LOCAL", "firstToken LOCAL", "callEnd");
    }

    @Test
    void chatStreaming_closedEarly_cancelsTheCall() {
        client = builder(0.1).build();

        try (ChatStream s = client.chatStreaming(ask("a b c d"))) {
            s.iterator().next();
        }

        assertThat(local.contexts).singleElement().satisfies(c -> assertThat(c.isCancelled())
                .isTrue());
        assertThat(local.streamsClosed).isEqualTo(1);
        assertThat(events.events).last().isEqualTo("callFailed CancellationException");
    }

    @Test
    void chatAsync_cancellingTheFuture_cancelsTheBackendCall() throws Exception {
        CountDownLatch started = local.blockUntilCancelled();
        client = builder(0.1).build();

        CompletableFuture<ChatResponse> f = client.chatAsync(ask("slow"));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        f.cancel(true);

        assertThat(f).isCancelled();
        assertThat(local.contexts).singleElement().satisfies(c -> assertThat(c.isCancelled())
                .isTrue());
    }

    @Test
    void chatAsync_completesWithTheAnswer() throws Exception {
        client = builder(0.1).executor(Runnable::run).build();

        assertThat(client.chatAsync(ask("x")).get().text()).isEqualTo("local:fake says: x");
    }

    @Test
    void chatStreamingWithHandler_cancel_endsWithOneCancellationError() throws Exception {
        CountDownLatch started = local.blockUntilCancelled();
        client = builder(0.1).build();
        List<String> calls = new CopyOnWriteArrayList<>();

        StreamHandle handle = client.chatStreaming(ask("slow"), new StreamHandler() {
            @Override
            public void onChunk(ChatChunk chunk) {
                calls.add("chunk");
            }

            @Override
            public void onComplete(ChatResponse response) {
                calls.add("complete");
            }

            @Override
            public void onError(Throwable error) {
                calls.add("error " + error.getClass().getSimpleName());
            }
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        handle.cancel();
        handle.cancel();

        assertThat(handle.completion()).isCancelled();
        assertThat(calls).containsExactly("error CancellationException");
        assertThat(local.contexts).singleElement().satisfies(c -> assertThat(c.isCancelled())
                .isTrue());
    }

    @Test
    void chatStreamingWithHandler_deliversChunksThenCompletes() throws Exception {
        client = builder(0.1).executor(Runnable::run).build();
        StringBuilder text = new StringBuilder();
        List<String> terminal = new ArrayList<>();

        StreamHandle handle = client.chatStreaming(ask("a b"), new StreamHandler() {
            @Override
            public void onChunk(ChatChunk chunk) {
                text.append(chunk.delta());
            }

            @Override
            public void onComplete(ChatResponse response) {
                terminal.add("complete " + response.route().orElseThrow());
            }

            @Override
            public void onError(Throwable error) {
                terminal.add("error");
            }
        });

        assertThat(handle.completion().get().text()).isEqualTo("local:fake says: a b");
        assertThat(text.toString()).isEqualTo("local:fake says: a b");
        assertThat(terminal).containsExactly("complete LOCAL");
    }

    @Test
    void interceptors_runInOrderBeforeRoutingAndMayRewriteTheRequest() {
        List<String> order = new ArrayList<>();
        client = builder(0.1)
                .addInterceptor(chain -> {
                    order.add("first sees decision=" + chain.decision().isPresent());
                    return chain.proceed(chain.request().toBuilder()
                            .messages(List.of(ChatMessage.user(chain.request().lastUserText() + "!")))
                            .build());
                })
                .addInterceptor(chain -> {
                    order.add("second sees " + chain.request().lastUserText());
                    return chain.proceed(chain.request());
                })
                .build();

        ChatResponse r = client.chat(ask("hi"));

        assertThat(order).containsExactly("first sees decision=false", "second sees hi!");
        assertThat(r.text()).isEqualTo("local:fake says: hi!");
    }

    @Test
    void interceptor_canShortCircuitWithoutReachingABackend() {
        ChatResponse cached = ChatResponse.builder()
                .id("cached")
                .addChoice(ChatChoice.of(0, ChatMessage.assistant("from cache"), FinishReason.STOP))
                .build();
        client = builder(0.1)
                .addInterceptor(chain -> ChatStream.ofResponse(cached))
                .build();

        assertThat(client.chat(ask("hi")).text()).isEqualTo("from cache");
        assertThat(local.requests).isEmpty();
        assertThat(remote.requests).isEmpty();
    }

    @Test
    void throwingListener_doesNotBreakTheCall() {
        client = HybridClient.builder()
                .localBackend(local)
                .eventListener(new HybridEventListener() {
                    @Override
                    public void routeSelected(ChatRequest request, RoutingDecision decision) {
                        throw new IllegalStateException("listener bug");
                    }
                })
                .build();

        assertThat(client.chat(ask("hi")).text()).isEqualTo("local:fake says: hi");
    }

    @Test
    void backendThrowingAnUntypedException_surfacesAsHybridException() {
        local.failWith(new IllegalArgumentException("unexpected"));
        client = HybridClient.builder().localBackend(local).build();

        assertThatThrownBy(() -> client.chat(ask("hi")))
                .isInstanceOf(HybridException.class)
                .hasCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void routeDryRun_decidesWithoutCallingABackend() {
        client = builder(0.9).build();

        RoutingDecision d = client.route(ask("hard"));

        assertThat(d.route()).isEqualTo(Route.REMOTE);
        assertThat(local.requests).isEmpty();
        assertThat(remote.requests).isEmpty();
    }

    @Test
    void localOnlyPolicy_withToolsRequest_servesLocally() {
        client = builder(0.9).routingPolicy(RoutingPolicies.localOnly()).build();

        ChatRequest withTools = ask("weather?").toBuilder()
                .addTool(ToolDefinition.function("weather", "get weather", "{}"))
                .build();

        assertThat(client.chat(withTools).route()).contains(Route.LOCAL);
    }

    @Test
    void build_withoutBackends_failsWithConfigurationException() {
        assertThatThrownBy(() -> HybridClient.builder().build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("backend");
    }

    @Test
    void close_closesTheBackends_butADerivedClientSharesThem() {
        client = builder(0.1).build();
        HybridClient derived =
                client.newBuilder().routingPolicy(RoutingPolicies.localOnly()).build();

        derived.close();
        assertThat(local.closed).isFalse();
        assertThat(derived.chat(ask("x")).route()).contains(Route.LOCAL);

        client.close();
        assertThat(local.closed).isTrue();
        assertThat(remote.closed).isTrue();
    }

    @Test
    void derivedClient_cannotReplaceSharedBackends() {
        client = builder(0.1).build();

        assertThatThrownBy(() -> client.newBuilder().localBackend(FakeChatBackend.local()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void responseCache_repeatedDeterministicRequest_isAnsweredWithoutTheBackend() {
        client =
                builder(0.1).responseCache(100, java.time.Duration.ofMinutes(5)).build();
        ChatRequest greedy = ask("hi").toBuilder().temperature(0).build();

        ChatResponse first = client.chat(greedy);
        ChatResponse second = client.chat(greedy);

        assertThat(second.text()).isEqualTo(first.text());
        assertThat(local.requests).hasSize(1);
        assertThat(events.events).contains("cacheHit");
    }

    @Test
    void responseCache_samplingRequest_isNeverCached() {
        client =
                builder(0.1).responseCache(100, java.time.Duration.ofMinutes(5)).build();
        ChatRequest sampled = ask("hi").toBuilder().temperature(0.8).build();

        client.chat(sampled);
        client.chat(sampled);

        assertThat(local.requests).hasSize(2);
    }

    @Test
    void responseCache_sameRequestOnAnotherRoute_isNotServedFromTheOthersAnswer() {
        client =
                builder(0.1).responseCache(100, java.time.Duration.ofMinutes(5)).build();
        ChatRequest greedy = ask("hi").toBuilder().temperature(0).build();
        client.chat(greedy);
        local.health(BackendHealth.unavailable("unloaded"));

        ChatResponse r = client.chat(greedy);

        assertThat(r.route()).contains(Route.REMOTE);
        assertThat(remote.requests).hasSize(1);
    }
}
