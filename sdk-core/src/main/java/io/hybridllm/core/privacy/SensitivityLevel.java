package io.hybridllm.core.privacy;

/**
 * How sensitive a request is, derived from the classes and confidences of its detected items. Ordered: each level
 * is more sensitive than the one before.
 */
public enum SensitivityLevel {
    /** Nothing detected. */
    NONE,
    /** Weak or low-risk items only (e.g. a URL, a first name with little context). */
    LOW,
    /** Personal data that must not leave the device unredacted (e-mail, phone, name with context). */
    HIGH,
    /** Secrets or financial and government identifiers: never leave the device, not even redacted by default. */
    CRITICAL;

    /** Whether this level is at least {@code other}. */
    public boolean isAtLeast(SensitivityLevel other) {
        return compareTo(other) >= 0;
    }
}
