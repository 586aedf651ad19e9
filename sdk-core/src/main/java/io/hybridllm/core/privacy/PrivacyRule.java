package io.hybridllm.core.privacy;

import java.util.Objects;

/**
 * Maps a request's privacy assessment to what may leave the device.
 *
 * <p>The default: {@link SensitivityLevel#CRITICAL} stays local, {@link SensitivityLevel#HIGH} stays local (or, with
 * {@link #withRedaction()}, goes remote redacted), anything lower may go remote.
 */
@FunctionalInterface
public interface PrivacyRule {
    PrivacyAction decide(PrivacyAssessment assessment);

    /** CRITICAL and HIGH stay on the device. */
    static PrivacyRule defaults() {
        return thresholds(SensitivityLevel.HIGH, false);
    }

    /** CRITICAL stays on the device; HIGH may go remote once redacted. */
    static PrivacyRule withRedaction() {
        return thresholds(SensitivityLevel.HIGH, true);
    }

    /** Sends everything anywhere. For tests and for data the caller has already cleared. */
    static PrivacyRule allowAll() {
        return assessment -> PrivacyAction.ALLOW;
    }

    /**
     * Requests at or above {@code sensitiveFrom} are sensitive: they stay local, or, when {@code redact} is set and
     * the level is below CRITICAL, go remote redacted. CRITICAL always stays local.
     */
    static PrivacyRule thresholds(SensitivityLevel sensitiveFrom, boolean redact) {
        Objects.requireNonNull(sensitiveFrom, "sensitiveFrom == null");
        return assessment -> {
            SensitivityLevel level = assessment.level();
            if (level == SensitivityLevel.CRITICAL) {
                return PrivacyAction.LOCAL_ONLY;
            }
            if (level.isAtLeast(sensitiveFrom)) {
                return redact ? PrivacyAction.REDACT_THEN_REMOTE : PrivacyAction.LOCAL_ONLY;
            }
            return PrivacyAction.ALLOW;
        };
    }
}
