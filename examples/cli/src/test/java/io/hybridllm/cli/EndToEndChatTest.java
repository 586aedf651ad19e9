package io.hybridllm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hybridllm.local.Llama2cConverter;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole stack from the command line: CLI, client, routing, a real local engine and a loopback endpoint. */
class EndToEndChatTest {
    private static final String COMPLETION = "{\"id\":\"c1\",\"object\":\"chat.completion\",\"model\":\"m\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"391.\"},"
            + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2}}";

    @TempDir
    Path dir;

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private String baseUrl() {
        return server.url("/v1").toString();
    }

    @Test
    void chat_remoteOnly_sendsTheRequestAndPrintsTheAnswer() throws Exception {
        server.enqueue(new MockResponse().setBody(COMPLETION).setHeader("Content-Type", "application/json"));

        CliRun run = CliRun.of(
                "chat",
                "--local-model",
                dir.resolve("none").toString(),
                "--remote-url",
                baseUrl(),
                "--remote-model",
                "test-model",
                "--policy",
                "remote-only",
                "--explain",
                "What is 17 times 23?");

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.out.strip()).isEqualTo("391.");
        assertThat(run.err).contains("route:      REMOTE");
        RecordedRequest sent = server.takeRequest();
        assertThat(sent.getPath()).isEqualTo("/v1/chat/completions");
        assertThat(sent.getBody().readUtf8())
                .contains("\"model\":\"test-model\"")
                .contains("What is 17 times 23?");
    }

    @Test
    void chat_sensitivePromptWithRemoteOnly_isRefusedAndNothingIsSent() {
        CliRun run = CliRun.of(
                "chat",
                "--local-model",
                dir.resolve("none").toString(),
                "--remote-url",
                baseUrl(),
                "--remote-model",
                "test-model",
                "--policy",
                "remote-only",
                "my card is 4111 1111 1111 1111");

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).startsWith("error: PolicyViolationException:").doesNotContain("4111");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void chat_preferRemoteWithUnreachableEndpoint_fallsBackToTheLocalModel() throws IOException {
        Path model = dir.resolve("tiny");
        Llama2cConverter.writeRandomModel(model, 16, 32, 1, 2, 300, 64, 7);
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }

        CliRun run = CliRun.of(
                "chat",
                "--local-model",
                model.toString(),
                "--remote-url",
                "http://127.0.0.1:" + closedPort + "/v1",
                "--remote-model",
                "test-model",
                "--policy",
                "prefer-remote",
                "--max-tokens",
                "5",
                "--temperature",
                "0",
                "--explain",
                "hello");

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.err).contains("route:      LOCAL").contains("fell back from REMOTE to LOCAL");
    }

    @Test
    void chat_remoteUrlWithoutAModel_isAClearConfigurationError() {
        CliRun run =
                CliRun.of("chat", "--local-model", dir.resolve("none").toString(), "--remote-url", baseUrl(), "hi");

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).startsWith("error: ConfigurationException:").contains("--remote-model");
        assertThat(server.getRequestCount()).isZero();
    }
}
