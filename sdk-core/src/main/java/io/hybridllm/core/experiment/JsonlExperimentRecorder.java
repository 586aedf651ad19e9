package io.hybridllm.core.experiment;

import io.hybridllm.core.errors.ConfigurationException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends each record as one JSON line to a file, flushed per record so a crash loses at most the line being
 * written. Thread-safe. Read the log with {@link ExperimentRecord#fromJson(String)} or {@code hybrid-cli experiment
 * report}.
 */
public final class JsonlExperimentRecorder implements ExperimentRecorder, AutoCloseable {
    private final Path file;
    private final BufferedWriter out;
    private boolean closed;

    private JsonlExperimentRecorder(Path file, BufferedWriter out) {
        this.file = file;
        this.out = out;
    }

    /**
     * Opens {@code file} for appending, creating it and its parent folders if needed.
     *
     * @throws ConfigurationException if the file cannot be opened
     */
    public static JsonlExperimentRecorder open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return new JsonlExperimentRecorder(
                    file,
                    Files.newBufferedWriter(
                            file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND));
        } catch (IOException e) {
            throw new ConfigurationException("cannot open experiment log " + file, e);
        }
    }

    /** @throws UncheckedIOException if the line cannot be written (the client logs it and goes on) */
    @Override
    public synchronized void record(ExperimentRecord record) {
        if (closed) {
            throw new IllegalStateException("experiment log " + file + " is closed");
        }
        try {
            out.write(record.toJson());
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write experiment log " + file, e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close experiment log " + file, e);
        }
    }

    @Override
    public String toString() {
        return "JsonlExperimentRecorder{" + file + "}";
    }
}
