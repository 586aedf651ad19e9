package io.hybridllm.cli;

import io.hybridllm.core.errors.HybridException;
import io.hybridllm.core.spi.ChatBackend;
import io.hybridllm.local.LocalChatBackend;
import io.hybridllm.local.LocalModels;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** How the CLI finds and opens the local model. */
final class LocalSupport {
    private LocalSupport() {}

    /**
     * Resolves the model directory to use: {@code explicit} if given, else {@code HYBRID_MODEL_DIR}, else the
     * default catalog model (downloaded on first use where the network allows; cache directory
     * {@code HYBRID_MODEL_CACHE} or {@code ~/.cache/hybridllm/models}). Empty, with {@code why} filled, when no
     * model can be had.
     */
    static Optional<Path> resolveModelDirectory(Path explicit, StringBuilder why) {
        if (explicit != null) {
            return Optional.of(explicit);
        }
        String env = System.getenv("HYBRID_MODEL_DIR");
        if (env != null && !env.isBlank()) {
            return Optional.of(Path.of(env));
        }
        String cache = System.getenv("HYBRID_MODEL_CACHE");
        LocalModels models = LocalModels.builder()
                .cacheDirectory(cache == null || cache.isBlank() ? LocalModels.defaultCacheDirectory() : Path.of(cache))
                .build();
        Optional<Path> cached = models.cached(LocalModels.DEFAULT_MODEL);
        if (cached.isPresent()) {
            return cached;
        }
        try {
            System.err.println("downloading " + LocalModels.DEFAULT_MODEL + " into "
                    + models.directoryOf(LocalModels.DEFAULT_MODEL));
            Path dir = models.ensure(LocalModels.DEFAULT_MODEL, new ProgressBar());
            System.err.println();
            return Optional.of(dir);
        } catch (HybridException e) {
            System.err.println();
            why.append("no local model given (--local-model DIR or HYBRID_MODEL_DIR) and ")
                    .append(e.getMessage());
            return Optional.empty();
        }
    }

    /** Opens the local backend for a model directory. */
    static ChatBackend open(Path modelDirectory) {
        return LocalChatBackend.builder().modelDirectory(modelDirectory).build();
    }

    /** A one-line progress bar on stderr. */
    private static final class ProgressBar implements io.hybridllm.local.DownloadListener {
        private long lastPrinted = -1;

        @Override
        public void progress(String file, long done, long total) {
            long step = done >> 20;
            if (step == lastPrinted && done != total) {
                return;
            }
            lastPrinted = step;
            if (total > 0) {
                int pct = (int) (done * 100 / total);
                String bar = "#".repeat(pct / 5) + ".".repeat(20 - pct / 5);
                System.err.printf(Locale.ROOT, "\r%-24s [%s] %3d%% %6.1f MB", file, bar, pct, done / 1e6);
            } else {
                System.err.printf(Locale.ROOT, "\r%-24s %6.1f MB", file, done / 1e6);
            }
        }
    }
}
