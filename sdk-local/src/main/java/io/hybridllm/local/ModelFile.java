package io.hybridllm.local;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** One file of a {@link CatalogModel}: where it is saved, where it comes from, and how it is verified. Immutable. */
public final class ModelFile {
    private final String path;
    private final URI url;
    private final String sha256;
    private final long size;

    private ModelFile(String path, URI url, String sha256, long size) {
        this.path = Objects.requireNonNull(path, "path == null");
        this.url = Objects.requireNonNull(url, "url == null");
        if (sha256 != null && !sha256.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 hex digits: " + sha256);
        }
        this.sha256 = sha256 == null ? null : sha256.toLowerCase(Locale.ROOT);
        this.size = size;
    }

    /** A file verified by SHA-256 (and by size when {@code size >= 0}). */
    public static ModelFile of(String path, URI url, String sha256, long size) {
        return new ModelFile(path, url, Objects.requireNonNull(sha256, "sha256 == null"), size);
    }

    /**
     * A file with no published checksum: it is pinned only by its (immutable, commit-addressed) URL and is accepted
     * as downloaded.
     */
    public static ModelFile unverified(String path, URI url) {
        return new ModelFile(path, url, null, -1);
    }

    /** The path inside the model directory, e.g. {@code model.onnx}. */
    public String path() {
        return path;
    }

    public URI url() {
        return url;
    }

    /** The expected SHA-256 (lower-case hex), when one is pinned. */
    public Optional<String> sha256() {
        return Optional.ofNullable(sha256);
    }

    /** The expected size in bytes, when known. */
    public OptionalLong size() {
        return size >= 0 ? OptionalLong.of(size) : OptionalLong.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelFile f
                && path.equals(f.path)
                && url.equals(f.url)
                && Objects.equals(sha256, f.sha256)
                && size == f.size;
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, url, sha256, size);
    }

    @Override
    public String toString() {
        return "ModelFile{" + path + " <- " + url + "}";
    }
}
