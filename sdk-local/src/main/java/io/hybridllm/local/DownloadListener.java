package io.hybridllm.local;

/** Receives download progress from {@link LocalModels}; called on the downloading thread. */
@FunctionalInterface
public interface DownloadListener {
    /** Nothing. */
    DownloadListener NONE = (file, done, total) -> {};

    /**
     * {@code done} bytes of {@code file} are on disk (including bytes resumed from an earlier attempt);
     * {@code total} is -1 when unknown.
     */
    void progress(String file, long done, long total);
}
