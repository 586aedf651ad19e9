package io.hybridllm.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.hybridllm.core.errors.ModelLoadException;
import io.hybridllm.core.errors.ModelNotAvailableException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from a loopback HTTP server; never the internet. */
class LocalModelsTest {
    @TempDir
    Path cache;

    HttpServer server;
    final List<String> rangeHeaders = new CopyOnWriteArrayList<>();
    final byte[] weights = new byte[200_000];
    final byte[] config = "{\"model_type\":\"llama\"}".getBytes(StandardCharsets.UTF_8);

    @BeforeEach
    void start() throws IOException {
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (byte) (i * 31 + 7);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/weights.onnx", ex -> serve(ex, weights));
        server.createContext("/config.json", ex -> serve(ex, config));
        server.start();
    }

    private void serve(com.sun.net.httpserver.HttpExchange ex, byte[] body) throws IOException {
        String range = ex.getRequestHeaders().getFirst("Range");
        int from = 0;
        if (range != null) {
            rangeHeaders.add(range);
            from = Integer.parseInt(range.replaceAll("bytes=(\\d+)-", "$1"));
            ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
            ex.sendResponseHeaders(206, body.length - from);
        } else {
            ex.sendResponseHeaders(200, body.length);
        }
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body, from, body.length - from);
        }
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    private LocalModels models(String weightsSha) {
        CatalogModel m = CatalogModel.of(
                "tiny",
                "test model",
                List.of(
                        ModelFile.of("model.onnx", url("/weights.onnx"), weightsSha, weights.length),
                        ModelFile.unverified("config.json", url("/config.json"))));
        return LocalModels.builder().cacheDirectory(cache).catalog(List.of(m)).build();
    }

    @Test
    void ensure_downloadsVerifiesAndMarksComplete_withProgress() throws Exception {
        LocalModels models = models(sha256(weights));
        assertThat(models.state("tiny")).isEqualTo(LocalModels.State.ABSENT);
        List<long[]> progress = new ArrayList<>();
        Path dir = models.ensure("tiny", (file, done, total) -> {
            if (file.equals("model.onnx")) {
                progress.add(new long[] {done, total});
            }
        });
        assertThat(dir).isEqualTo(cache.resolve("tiny"));
        assertThat(Files.readAllBytes(dir.resolve("model.onnx"))).isEqualTo(weights);
        assertThat(Files.readAllBytes(dir.resolve("config.json"))).isEqualTo(config);
        assertThat(models.state("tiny")).isEqualTo(LocalModels.State.READY);
        assertThat(models.cached("tiny")).contains(dir);
        assertThat(progress.get(progress.size() - 1)).containsExactly(weights.length, weights.length);
    }

    @Test
    void ensure_resumesAPartialFileWithARangeRequest() throws Exception {
        Path dir = Files.createDirectories(cache.resolve("tiny"));
        Files.write(dir.resolve("model.onnx.part"), Arrays.copyOf(weights, 50_000));
        models(sha256(weights)).ensure("tiny", DownloadListener.NONE);
        assertThat(rangeHeaders).containsExactly("bytes=50000-");
        assertThat(Files.readAllBytes(dir.resolve("model.onnx"))).isEqualTo(weights);
    }

    @Test
    void ensure_withAChecksumMismatch_deletesTheFileAndNeverMarksTheModelReady() {
        LocalModels models = models("0".repeat(64));
        assertThatThrownBy(() -> models.ensure("tiny", DownloadListener.NONE))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("SHA-256 mismatch")
                .hasMessageContaining(
                        cache.resolve("tiny").resolve("model.onnx").toString());
        assertThat(cache.resolve("tiny").resolve("model.onnx")).doesNotExist();
        assertThat(cache.resolve("tiny").resolve("model.onnx.part")).doesNotExist();
        assertThat(models.cached("tiny")).isEmpty();
    }

    @Test
    void ensure_offline_namesTheDirectoryToFill() throws Exception {
        LocalModels models = models(sha256(weights));
        server.stop(0);
        assertThatThrownBy(() -> models.ensure("tiny", DownloadListener.NONE))
                .isInstanceOf(ModelNotAvailableException.class)
                .hasMessageContaining("Put its files in " + cache.resolve("tiny"));
        assertThat(models.state("tiny")).isEqualTo(LocalModels.State.ABSENT);
    }

    @Test
    void ensure_withFilesPlacedByHand_verifiesThemWithoutTheNetwork() throws Exception {
        Path dir = Files.createDirectories(cache.resolve("tiny"));
        Files.write(dir.resolve("model.onnx"), weights);
        Files.write(dir.resolve("config.json"), config);
        LocalModels models = models(sha256(weights));
        server.stop(0);
        assertThat(models.ensure("tiny", DownloadListener.NONE)).isEqualTo(dir);
        assertThat(models.cached("tiny")).contains(dir);
    }

    @Test
    void ensure_withACorruptFilePlacedByHand_isRejectedAndNotMarkedReady() throws Exception {
        Path dir = Files.createDirectories(cache.resolve("tiny"));
        byte[] corrupt = weights.clone();
        corrupt[1000] ^= 1;
        Files.write(dir.resolve("model.onnx"), corrupt);
        LocalModels models = models(sha256(weights));
        assertThatThrownBy(() -> models.ensure("tiny", DownloadListener.NONE))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(dir.resolve("model.onnx").toString());
        assertThat(models.cached("tiny")).isEmpty();
    }

    @Test
    void builtInCatalog_pinsTheDefaultModelWeightsBySha256() {
        CatalogModel m = LocalModels.builtInCatalog().get(0);
        assertThat(m.name()).isEqualTo(LocalModels.DEFAULT_MODEL);
        assertThat(m.files()).anySatisfy(f -> {
            assertThat(f.path()).isEqualTo("model.onnx");
            assertThat(f.sha256()).isPresent();
            assertThat(f.url().toString()).contains("/resolve/1986c6709c6bdd046ed09933fcceb1556089842b/");
        });
        assertThat(LocalModels.builder().build().cacheDirectory())
                .isEqualTo(Path.of(System.getProperty("user.home"), ".cache", "hybridllm", "models"));
    }
}
