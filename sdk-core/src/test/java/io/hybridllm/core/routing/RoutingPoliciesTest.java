package io.hybridllm.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.complexity.ComplexityAssessment;
import io.hybridllm.core.privacy.PrivacyAction;
import io.hybridllm.core.privacy.PrivacyAssessment;
import io.hybridllm.core.privacy.SensitivityLevel;
import io.hybridllm.core.routing.internal.BuiltInPolicies;
import io.hybridllm.core.scoring.CapabilityNeed;
import io.hybridllm.core.scoring.RequestAssessment;
import io.hybridllm.core.spi.BackendCapabilities;
import io.hybridllm.core.spi.BackendHealth;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every built-in policy's decision for each combination that matters: backend states (R ready, S starting, U
 * unavailable, A absent), complexity (low 0.2 / high 0.8), what the privacy rule allows, and capability needs.
 */
class RoutingPoliciesTest {

    @ParameterizedTest(name = "{0} local={1} remote={2} {3} {4} needs={5} -> {6} fallback {7}")
    @CsvSource({
        // policy,      local, remote, complexity, privacy,        need,  route,           fallback
        "hybrid,        R, R, low,  ALLOW,              NONE,  LOCAL,           REMOTE",
        "hybrid,        R, R, high, ALLOW,              NONE,  REMOTE,          LOCAL",
        "hybrid,        R, R, high, LOCAL_ONLY,         NONE,  LOCAL,           -",
        "hybrid,        R, R, low,  LOCAL_ONLY,         NONE,  LOCAL,           -",
        "hybrid,        R, R, high, REDACT_THEN_REMOTE, NONE,  REMOTE_REDACTED, LOCAL",
        "hybrid,        R, R, low,  REDACT_THEN_REMOTE, NONE,  LOCAL,           REMOTE_REDACTED",
        "hybrid,        R, R, low,  ALLOW,              TOOLS, REMOTE,          -",
        "hybrid,        R, R, low,  ALLOW,              LONG,  REMOTE,          -",
        "hybrid,        R, R, low,  ALLOW,              IMAGES, REMOTE,         -",
        "hybrid,        R, U, high, ALLOW,              NONE,  LOCAL,           -",
        "hybrid,        U, R, low,  ALLOW,              NONE,  REMOTE,          -",
        "hybrid,        U, U, low,  ALLOW,              NONE,  REFUSED,         -",
        "hybrid,        R, A, high, ALLOW,              NONE,  LOCAL,           -",
        "hybrid,        U, R, low,  LOCAL_ONLY,         NONE,  REFUSED,         -",
        "hybrid,        R, R, low,  LOCAL_ONLY,         TOOLS, LOCAL,           -",
        "hybrid,        S, R, low,  ALLOW,              NONE,  LOCAL,           REMOTE",
        "hybrid,        A, R, low,  ALLOW,              NONE,  REMOTE,          -",
        "local-only,    R, R, high, ALLOW,              TOOLS, LOCAL,           -",
        "local-only,    A, R, low,  ALLOW,              NONE,  REFUSED,         -",
        "prefer-local,  R, R, high, ALLOW,              NONE,  LOCAL,           REMOTE",
        "prefer-local,  U, R, low,  ALLOW,              NONE,  REMOTE,          -",
        "prefer-local,  R, R, low,  ALLOW,              TOOLS, REMOTE,          -",
        "prefer-local,  U, R, low,  LOCAL_ONLY,         NONE,  REFUSED,         -",
        "prefer-local,  R, R, low,  LOCAL_ONLY,         NONE,  LOCAL,           -",
        "prefer-remote, R, R, low,  ALLOW,              NONE,  REMOTE,          LOCAL",
        "prefer-remote, R, U, low,  ALLOW,              NONE,  LOCAL,           -",
        "prefer-remote, R, R, low,  LOCAL_ONLY,         NONE,  LOCAL,           -",
        "prefer-remote, R, R, low,  REDACT_THEN_REMOTE, NONE,  REMOTE_REDACTED, LOCAL",
        "prefer-remote, R, R, low,  ALLOW,              TOOLS, REMOTE,          -",
        "remote-only,   R, R, low,  ALLOW,              NONE,  REMOTE,          -",
        "remote-only,   R, R, low,  LOCAL_ONLY,         NONE,  REFUSED,         -",
        "remote-only,   R, R, low,  REDACT_THEN_REMOTE, NONE,  REMOTE_REDACTED, -",
        "remote-only,   R, A, low,  ALLOW,              NONE,  REFUSED,         -",
    })
    void policy_decidesRouteAndFallback(
            String policy,
            String local,
            String remote,
            String complexity,
            PrivacyAction privacy,
            String need,
            Route expectedRoute,
            String expectedFallback) {
        RoutingContext ctx = context(local, remote, complexity, privacy, need);

        RoutingDecision decision = BuiltInPolicies.decideGuarded(RoutingPolicies.byName(policy), ctx);

        assertThat(decision.route()).isEqualTo(expectedRoute);
        assertThat(decision.fallback().map(Route::name).orElse("-")).isEqualTo(expectedFallback);
        assertThat(decision.reasons()).isNotEmpty().allSatisfy(r -> assertThat(r)
                .isNotBlank());
    }

    @Test
    void hybrid_explainsComplexityAndThreshold() {
        RoutingDecision d = RoutingPolicies.hybrid(0.6).decide(context("R", "R", "high", PrivacyAction.ALLOW, "NONE"));

        assertThat(d.explanation()).contains("complexity 0.80").contains("threshold 0.60");
    }

    @Test
    void hybrid_sensitiveRequestThatShouldEscalate_saysWhyItStaysLocal() {
        RoutingDecision d =
                RoutingPolicies.hybrid().decide(context("R", "R", "high", PrivacyAction.LOCAL_ONLY, "NONE"));

        assertThat(d.route()).isEqualTo(Route.LOCAL);
        assertThat(d.explanation()).contains("must stay on the device");
    }

    @Test
    void hybrid_longPrompt_namesTokenCountsAndWindow() {
        RoutingDecision d = RoutingPolicies.hybrid().decide(context("R", "R", "low", PrivacyAction.ALLOW, "LONG"));

        assertThat(d.explanation()).contains("5000").contains("2048");
    }

    @Test
    void guard_customPolicySendingSensitiveDataRemote_isOverriddenToLocal() {
        RoutingPolicy careless =
                ctx -> RoutingDecision.to(Route.REMOTE).because("always remote").build();

        RoutingDecision d =
                BuiltInPolicies.decideGuarded(careless, context("R", "R", "low", PrivacyAction.LOCAL_ONLY, "NONE"));

        assertThat(d.route()).isEqualTo(Route.LOCAL);
        assertThat(d.explanation()).contains("overridden");
    }

    @Test
    void guard_customPolicyFallingBackRemoteWithSensitiveData_losesTheFallback() {
        RoutingPolicy careless = ctx -> RoutingDecision.to(Route.LOCAL)
                .because("local")
                .fallbackTo(Route.REMOTE)
                .build();

        RoutingDecision d =
                BuiltInPolicies.decideGuarded(careless, context("R", "R", "low", PrivacyAction.LOCAL_ONLY, "NONE"));

        assertThat(d.fallback()).isEmpty();
    }

    @Test
    void guard_redactOnlyRequestSentRemote_isSentRedacted() {
        RoutingPolicy careless =
                ctx -> RoutingDecision.to(Route.REMOTE).because("always remote").build();

        RoutingDecision d = BuiltInPolicies.decideGuarded(
                careless, context("R", "R", "low", PrivacyAction.REDACT_THEN_REMOTE, "NONE"));

        assertThat(d.route()).isEqualTo(Route.REMOTE_REDACTED);
    }

    @Test
    void byName_unknownPolicy_namesTheChoices() {
        assertThatThrownBy(() -> RoutingPolicies.byName("cheapest"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cheapest")
                .hasMessageContaining("prefer-local");
    }

    @Test
    void hybrid_thresholdOutOfRange_isRejected() {
        assertThatThrownBy(() -> RoutingPolicies.hybrid(1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fallingBack_swapsRouteAndRecordsTheFailure() {
        RoutingDecision d = RoutingDecision.to(Route.LOCAL)
                .because("simple")
                .fallbackTo(Route.REMOTE)
                .build();

        RoutingDecision after = d.fallingBack("model crashed");

        assertThat(after.route()).isEqualTo(Route.REMOTE);
        assertThat(after.fellBackFrom()).contains(Route.LOCAL);
        assertThat(after.fallback()).isEmpty();
        assertThat(after.reasons()).last().asString().contains("model crashed");
    }

    static RoutingContext context(String local, String remote, String complexity, PrivacyAction privacy, String need) {
        Set<CapabilityNeed> needs =
                need.equals("NONE") || need.equals("LONG") ? Set.of() : Set.of(CapabilityNeed.valueOf(need));
        RequestAssessment assessment = RequestAssessment.of(
                ComplexityAssessment.of(complexity.equals("high") ? 0.8 : 0.2, List.of()),
                PrivacyAssessment.of(
                        privacy == PrivacyAction.ALLOW ? SensitivityLevel.NONE : SensitivityLevel.HIGH, List.of()),
                needs,
                100);
        return RoutingContext.of(
                ChatRequest.builder().addUserMessage("q").maxTokens(100).build(),
                assessment,
                privacy,
                status(
                        "local",
                        local,
                        BackendCapabilities.builder().contextWindow(2048).build()),
                status("remote", remote, BackendCapabilities.cloudDefaults()),
                need.equals("LONG") ? 5000 : 100);
    }

    private static BackendStatus status(String name, String state, BackendCapabilities caps) {
        switch (state) {
            case "R":
                return BackendStatus.of(name, BackendHealth.ready(), caps);
            case "S":
                return BackendStatus.of(name, BackendHealth.starting("loading"), caps);
            case "U":
                return BackendStatus.of(name, BackendHealth.unavailable("offline"), caps);
            default:
                return BackendStatus.absent();
        }
    }
}
