package io.hybridllm.cli;

import io.hybridllm.core.HybridClient;
import io.hybridllm.core.errors.ConfigurationException;
import io.hybridllm.core.errors.HybridException;
import io.hybridllm.core.privacy.PrivacyRule;
import io.hybridllm.core.routing.RoutingPolicies;
import io.hybridllm.core.routing.RoutingPolicy;
import io.hybridllm.core.spi.BackendCapabilities;
import io.hybridllm.core.spi.BackendHealth;
import io.hybridllm.core.spi.ChatBackend;
import io.hybridllm.local.ner.OnnxEntityTagger;
import java.nio.file.Path;
import java.util.Optional;

/** Builds the client the CLI commands use, and says what it could not set up. */
final class ClientFactory {
    /** The client, plus a note per backend that is missing and why. */
    static final class Setup {
        final HybridClient client;
        final HybridClient.Builder settings;
        final boolean localAvailable;
        final String localNote;
        final String remoteNote;

        Setup(HybridClient.Builder settings, boolean localAvailable, String localNote, String remoteNote) {
            this.settings = settings;
            this.client = settings.build();
            this.localAvailable = localAvailable;
            this.localNote = localNote;
            this.remoteNote = remoteNote;
        }

        /**
         * A client for dry-run routing that assumes the local model is present and ready (a 2048-token, text-only
         * model), so a machine without the model still shows where each request would go. Shares the remote
         * backend; do not close it.
         */
        HybridClient assumingLocalModel() {
            return settings.localBackend(StandInBackend.planned(
                            "local:planned",
                            BackendHealth.ready(),
                            BackendCapabilities.builder().build()))
                    .build();
        }
    }

    private ClientFactory() {}

    /**
     * Opens the backends the options name. A local model that cannot be had, or no remote URL, leaves that slot
     * empty with a note; if both are empty, a stand-in local slot reports the reason so routing still works.
     */
    static Setup create(BackendOptions options) {
        // Validate the cheap options first, before anything is loaded or downloaded.
        RoutingPolicy policy = RoutingPolicies.byName(options.policy);
        String url = options.effectiveRemoteUrl();
        if (url != null && !url.isBlank() && isBlank(options.effectiveRemoteModel())) {
            throw new ConfigurationException(
                    "--remote-url needs a model name: pass --remote-model NAME or set HYBRID_REMOTE_MODEL");
        }
        // Loaded first: a bad --ner-model fails before a local model is opened. The tagger lives as long as the
        // command (the process).
        OnnxEntityTagger tagger = NerSupport.open(options.nerModel);
        StringBuilder why = new StringBuilder();
        ChatBackend local = null;
        String localNote;
        Optional<Path> dir = LocalSupport.resolveModelDirectory(options.localModel, why);
        if (dir.isPresent()) {
            try {
                local = LocalSupport.open(dir.get());
                localNote = "local model " + dir.get();
            } catch (HybridException e) {
                localNote = "local model unavailable: " + e.getMessage();
            }
        } else {
            localNote = "local model unavailable: " + why;
        }
        ChatBackend remote = null;
        String remoteNote;
        if (url == null || url.isBlank()) {
            remoteNote = "no remote endpoint configured (set --remote-url or HYBRID_BASE_URL, --remote-model or"
                    + " HYBRID_REMOTE_MODEL, and HYBRID_API_KEY)";
        } else {
            try {
                remote = RemoteSupport.open(url, options.effectiveRemoteModel(), System.getenv("HYBRID_API_KEY"))
                        .orElse(null);
            } catch (RuntimeException e) {
                if (local != null) {
                    local.close(); // opened above; nothing else will close it
                }
                throw e;
            }
            remoteNote = "remote endpoint " + url;
        }
        boolean localAvailable = local != null;
        HybridClient.Builder settings = HybridClient.builder()
                .localBackend(localAvailable ? local : StandInBackend.unavailable("local", "model not available"))
                .remoteBackend(remote != null ? remote : StandInBackend.unavailable("remote", "not configured"))
                .routingPolicy(policy)
                .privacyRule(options.redact ? PrivacyRule.withRedaction() : PrivacyRule.defaults());
        if (tagger != null) {
            settings.privacyScanner(NerSupport.scanner(null, tagger, true));
        }
        return new Setup(settings, localAvailable, localNote, remoteNote);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
