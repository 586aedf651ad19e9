package io.hybridllm.local;

import io.hybridllm.core.errors.ModelLoadException;
import io.hybridllm.core.errors.ModelNotAvailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds local models: a model directory given by the caller, or a model of a small built-in catalog, downloaded on
 * first use into a cache directory ({@code ~/.cache/hybridllm/models} by default) with progress, resume of partial
 * files ({@code *.part}, HTTP range requests) and SHA-256 verification. A model directory from the catalog is used
 * only once every file has been verified and the directory is marked complete; a corrupt download is deleted and
 * reported, never loaded. Thread-safe.
 *
 * <pre>{@code
 * LocalModels models = LocalModels.builder().build();
 * Path dir = models.ensure(LocalModels.DEFAULT_MODEL, (file, done, total) -> showProgress(file, done, total));
 * LocalChatBackend local = LocalChatBackend.builder().modelDirectory(dir).build();
 * }</pre>
 */
public final class LocalModels {
    /** The default catalog model. */
    public static final String DEFAULT_MODEL = "SmolLM2-135M-Instruct";

    private static final String COMPLETE_MARKER = ".complete";
    private static final String SMOLLM2 =
            "https://huggingface.co/HuggingFaceTB/SmolLM2-135M-Instruct/resolve/1986c6709c6bdd046ed09933fcceb1556089842b/";

    /** Download/verification state of a catalog model, for readiness reporting. */
    public enum State {
        ABSENT,
        DOWNLOADING,
        READY
    }

    private final Path cacheDirectory;
    private final Map<String, CatalogModel> catalog;
    private final HttpClient http;
    private final Set<String> downloading = ConcurrentHashMap.newKeySet();

    private LocalModels(Builder b) {
        this.cacheDirectory = b.cacheDirectory;
        this.catalog = new LinkedHashMap<>();
        for (CatalogModel m : b.catalog) {
            catalog.put(m.name(), m);
        }
        this.http = HttpClient.newBuilder()
                .connectTimeout(b.connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code ~/.cache/hybridllm/models}. */
    public static Path defaultCacheDirectory() {
        return Path.of(System.getProperty("user.home"), ".cache", "hybridllm", "models");
    }

    /**
     * The built-in catalog. SmolLM2-135M-Instruct (Apache-2.0), the 4-bit ONNX export published in the model's own
     * repository, pinned to commit {@code 1986c670}: {@code model.onnx} is verified by its published Git LFS SHA-256;
     * the small JSON files have no published SHA-256 and are pinned only by the commit-addressed URL.
     */
    public static List<CatalogModel> builtInCatalog() {
        return List.of(CatalogModel.of(
                DEFAULT_MODEL,
                "SmolLM2 135M instruct, ONNX q4 (HuggingFaceTB), about 200 MB",
                List.of(
                        ModelFile.of(
                                "model.onnx",
                                URI.create(SMOLLM2 + "onnx/model_q4.onnx"),
                                "3b32d1d5a31364b71e843a61493df65691c267e79890225788def79e2c16148c",
                                -1),
                        ModelFile.unverified("config.json", URI.create(SMOLLM2 + "config.json")),
                        ModelFile.unverified("generation_config.json", URI.create(SMOLLM2 + "generation_config.json")),
                        ModelFile.unverified("tokenizer.json", URI.create(SMOLLM2 + "tokenizer.json")),
                        ModelFile.unverified("tokenizer_config.json", URI.create(SMOLLM2 + "tokenizer_config.json")))));
    }

    public Path cacheDirectory() {
        return cacheDirectory;
    }

    public List<CatalogModel> catalog() {
        return List.copyOf(catalog.values());
    }

    /** Where {@code name} lives (or will live) in the cache. */
    public Path directoryOf(String name) {
        return cacheDirectory.resolve(model(name).name());
    }

    /** The model's directory if it is fully downloaded and verified. */
    public Optional<Path> cached(String name) {
        Path dir = directoryOf(name);
        return Files.isRegularFile(dir.resolve(COMPLETE_MARKER)) ? Optional.of(dir) : Optional.empty();
    }

    public State state(String name) {
        if (cached(name).isPresent()) {
            return State.READY;
        }
        return downloading.contains(name) ? State.DOWNLOADING : State.ABSENT;
    }

    /**
     * Returns the model's directory, downloading and verifying missing files first; files already present (e.g.
     * copied by hand) are verified against their pinned SHA-256 without network access.
     *
     * @throws ModelNotAvailableException if a file cannot be downloaded (offline, HTTP error); the message names the
     *     directory to fill by hand
     * @throws ModelLoadException if a downloaded file fails its size or SHA-256 check (the file is deleted)
     * @throws IllegalArgumentException if {@code name} is not in the catalog
     */
    public Path ensure(String name, DownloadListener listener) {
        Objects.requireNonNull(listener, "listener == null");
        CatalogModel model = model(name);
        Optional<Path> ready = cached(name);
        if (ready.isPresent()) {
            return ready.get();
        }
        Path dir = directoryOf(name);
        downloading.add(name);
        try {
            Files.createDirectories(dir);
            for (ModelFile f : model.files()) {
                Path target = dir.resolve(f.path());
                if (!Files.isRegularFile(target)) {
                    download(f, target, listener, dir);
                } else {
                    verifyExisting(f, target);
                }
            }
            Files.writeString(dir.resolve(COMPLETE_MARKER), "verified\n");
            return dir;
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new ModelNotAvailableException(offlineMessage(model, dir, "download failed: " + reason), e);
        } finally {
            downloading.remove(name);
        }
    }

    /** The sentence that tells a user which directory to fill when a model cannot be downloaded. */
    public String offlineMessage(String name) {
        return offlineMessage(model(name), directoryOf(name), "not downloaded");
    }

    private static String offlineMessage(CatalogModel model, Path dir, String reason) {
        List<String> files = new ArrayList<>();
        for (ModelFile f : model.files()) {
            files.add(f.path() + " (" + f.url() + ")");
        }
        return "local model " + model.name() + " is not available (" + reason + "). Put its files in " + dir
                + " (they are checked against their pinned SHA-256 on next use), or point --local-model / "
                + "HYBRID_MODEL_DIR at any model directory. Files: " + String.join(", ", files);
    }

    /** A file already in place (e.g. copied there by hand) must still match its pinned checksum. */
    private static void verifyExisting(ModelFile f, Path target) throws IOException {
        if (f.sha256().isEmpty()) {
            return;
        }
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(target)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                digest.update(buf, 0, n);
            }
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!f.sha256().get().equals(actual)) {
            throw new ModelLoadException("SHA-256 mismatch for " + target + ": expected "
                    + f.sha256().get() + ", got " + actual + "; replace or delete the file");
        }
    }

    private void download(ModelFile f, Path target, DownloadListener listener, Path dir) throws IOException {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        MessageDigest digest = sha256();
        long have = 0;
        if (Files.isRegularFile(part)) {
            try (InputStream in = Files.newInputStream(part)) {
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0; ) {
                    digest.update(buf, 0, n);
                    have += n;
                }
            }
        }
        HttpRequest.Builder req =
                HttpRequest.newBuilder(f.url()).timeout(Duration.ofMinutes(30)).GET();
        if (have > 0) {
            req.header("Range", "bytes=" + have + "-");
        }
        HttpResponse<InputStream> resp;
        try {
            resp = http.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        boolean append = resp.statusCode() == 206;
        if (resp.statusCode() != 200 && !append) {
            resp.body().close();
            throw new IOException("HTTP " + resp.statusCode() + " for " + f.url());
        }
        if (!append) {
            have = 0;
            digest.reset();
        }
        long total = f.size().orElse(-1);
        if (total < 0) {
            long length = resp.headers().firstValueAsLong("Content-Length").orElse(-1);
            total = length < 0 ? -1 : have + length;
        }
        try (InputStream in = resp.body();
                OutputStream out = Files.newOutputStream(
                        part,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
            byte[] buf = new byte[1 << 16];
            listener.progress(f.path(), have, total);
            for (int n; (n = in.read(buf)) > 0; ) {
                out.write(buf, 0, n);
                digest.update(buf, 0, n);
                have += n;
                listener.progress(f.path(), have, total);
            }
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (f.size().isPresent() && have != f.size().getAsLong()) {
            Files.deleteIfExists(part);
            throw new ModelLoadException("download of " + target + " has " + have + " bytes, expected "
                    + f.size().getAsLong() + "; deleted it, run again to retry");
        }
        if (f.sha256().isPresent() && !f.sha256().get().equals(actual)) {
            Files.deleteIfExists(part);
            throw new ModelLoadException("SHA-256 mismatch for " + target + ": expected "
                    + f.sha256().get() + ", got " + actual + "; deleted it, run again to retry");
        }
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    private CatalogModel model(String name) {
        CatalogModel m = catalog.get(name);
        if (m == null) {
            throw new IllegalArgumentException("unknown catalog model " + name + "; known: " + catalog.keySet());
        }
        return m;
    }

    /** Builds {@link LocalModels}. Not thread-safe. */
    public static final class Builder {
        private Path cacheDirectory = defaultCacheDirectory();
        private List<CatalogModel> catalog = builtInCatalog();
        private Duration connectTimeout = Duration.ofSeconds(10);

        private Builder() {}

        /** Where models are cached; default {@link #defaultCacheDirectory()}. */
        public Builder cacheDirectory(Path dir) {
            this.cacheDirectory = Objects.requireNonNull(dir, "dir == null");
            return this;
        }

        /** Replaces the catalog (default {@link #builtInCatalog()}). */
        public Builder catalog(List<CatalogModel> models) {
            this.catalog = List.copyOf(models);
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout, "timeout == null");
            return this;
        }

        public LocalModels build() {
            return new LocalModels(this);
        }
    }
}
