package io.hybridllm.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options that say which backends to use, shared by {@code demo}, {@code chat} and {@code score}. */
final class BackendOptions {
    @Option(
            names = "--local-model",
            paramLabel = "DIR",
            description = "Local model directory (default: $HYBRID_MODEL_DIR, else the default catalog model).")
    Path localModel;

    @Option(
            names = "--remote-url",
            paramLabel = "URL",
            description = "Base URL of an OpenAI-compatible endpoint, ending in /v1 (default: $HYBRID_BASE_URL)."
                    + " The API key is read from $HYBRID_API_KEY.")
    String remoteUrl;

    @Option(
            names = "--remote-model",
            paramLabel = "NAME",
            description = "Model name to request from the remote endpoint (default: $HYBRID_REMOTE_MODEL).")
    String remoteModel;

    @Option(
            names = "--policy",
            paramLabel = "NAME",
            defaultValue = "hybrid",
            description = "Routing policy: local-only, prefer-local, prefer-remote, remote-only or hybrid"
                    + " (default: ${DEFAULT-VALUE}).")
    String policy;

    @Option(
            names = "--redact",
            description = "Let sensitive (HIGH) requests go to the remote endpoint with their personal data"
                    + " redacted; CRITICAL data (secrets, card numbers, government ids) never leaves.")
    boolean redact;

    @Option(names = "--ner-model", paramLabel = "DIR", description = NerSupport.DESCRIPTION)
    Path nerModel;

    String effectiveRemoteUrl() {
        return remoteUrl != null ? remoteUrl : System.getenv("HYBRID_BASE_URL");
    }

    String effectiveRemoteModel() {
        return remoteModel != null ? remoteModel : System.getenv("HYBRID_REMOTE_MODEL");
    }
}
