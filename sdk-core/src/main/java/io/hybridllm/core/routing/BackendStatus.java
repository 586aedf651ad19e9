package io.hybridllm.core.routing;

import io.hybridllm.core.spi.BackendCapabilities;
import io.hybridllm.core.spi.BackendHealth;
import java.util.Objects;
import java.util.Optional;

/** What the router sees of one backend slot (local or remote): configured or not, its health and capabilities. */
public final class BackendStatus {
    private static final BackendStatus ABSENT = new BackendStatus(null, null, null);

    private final String name;
    private final BackendHealth health;
    private final BackendCapabilities capabilities;

    private BackendStatus(String name, BackendHealth health, BackendCapabilities capabilities) {
        this.name = name;
        this.health = health;
        this.capabilities = capabilities;
    }

    /** A slot with no backend configured. */
    public static BackendStatus absent() {
        return ABSENT;
    }

    public static BackendStatus of(String name, BackendHealth health, BackendCapabilities capabilities) {
        return new BackendStatus(
                Objects.requireNonNull(name, "name == null"),
                Objects.requireNonNull(health, "health == null"),
                Objects.requireNonNull(capabilities, "capabilities == null"));
    }

    public boolean isConfigured() {
        return health != null;
    }

    /** Configured and ready to serve now. */
    public boolean isReady() {
        return health != null && health.isReady();
    }

    /** Configured and not known to be unavailable (ready, or loading and worth waiting for). */
    public boolean isUsable() {
        return health != null && health.state() != BackendHealth.State.UNAVAILABLE;
    }

    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    public Optional<BackendHealth> health() {
        return Optional.ofNullable(health);
    }

    public Optional<BackendCapabilities> capabilities() {
        return Optional.ofNullable(capabilities);
    }

    /** Why this slot cannot serve, for explanations: "not configured" or the health detail. */
    public String unavailableReason() {
        if (health == null) {
            return "not configured";
        }
        return health.state().name().toLowerCase(java.util.Locale.ROOT) + ": " + health.detail();
    }

    @Override
    public String toString() {
        return health == null ? "absent" : name + " " + health;
    }
}
