package io.hybridllm.remote;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;

/** Test fixtures: the shared wire recordings (skipped when absent) and this module's own. */
final class Wire {
    static final String KEY = "sk-test-SECRET-0123456789abcdef";

    private Wire() {}

    /** The shared wire folder; skips the test when it is absent. */
    static Path sharedDir() {
        String shared = System.getProperty("hybridllm.shared.dir", "../../shared");
        Path wire = Path.of(shared, "evaldata", "wire");
        assumeTrue(Files.isDirectory(wire), "shared wire fixtures not found at " + wire + "; skipping");
        return wire;
    }

    static Stream<Path> sharedFiles(String folder, String extension) {
        Path dir = sharedDir().resolve(folder);
        assumeTrue(Files.isDirectory(dir), "shared folder " + dir + " not found; skipping");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(extension)).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file from this module's {@code src/test/resources/wire}. */
    static String resource(String name) {
        try (InputStream in = Wire.class.getResourceAsStream("/wire/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource wire/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }

    static MockResponse sse(String body) {
        return new MockResponse().setHeader("Content-Type", "text/event-stream").setBody(body);
    }

    static final String OK_BODY = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"hello\"},"
            + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1}}";
}
