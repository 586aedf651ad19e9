package io.hybridllm.core.privacy;

import io.hybridllm.core.privacy.internal.BasicPrivacyScanner;

/** Factories for the built-in privacy scanners. */
public final class PrivacyScanners {
    private PrivacyScanners() {}

    /** The default scanner: validated identifiers, contact data and secrets. Thread-safe; share it. */
    public static PrivacyScanner defaults() {
        return BasicPrivacyScanner.INSTANCE;
    }

    /** A scanner that finds nothing, for tests or when data is known to be clean. */
    public static PrivacyScanner none() {
        return text -> PrivacyAssessment.none();
    }
}
