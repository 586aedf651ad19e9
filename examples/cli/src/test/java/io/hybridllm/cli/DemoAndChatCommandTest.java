package io.hybridllm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoAndChatCommandTest {
    @TempDir
    Path dir;

    @Test
    void demo_withoutAModel_scoresAndRoutesEveryPromptAndSaysWhatIsMissing() {
        Path missing = dir.resolve("no-model-here");

        CliRun run = CliRun.of("demo", "--local-model", missing.toString());

        assertThat(run.exitCode).isZero();
        assertThat(run.out).contains("local model unavailable").contains(missing.toString());
        assertThat(run.out).contains("CRITICAL").contains("LOCAL");
        for (int i = 1; i <= DemoCommand.PROMPTS.size(); i++) {
            assertThat(run.out).contains(i + ". complexity");
        }
    }

    @Test
    void chat_withNoUsableBackend_exitsNonZeroWithTheTypedError() {
        CliRun run = CliRun.of("chat", "--local-model", dir.resolve("none").toString(), "hello");

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).startsWith("error: BackendUnavailableException:");
        assertThat(run.out).isEmpty();
    }

    @Test
    void chat_unknownPolicy_isAUsageError() {
        CliRun run =
                CliRun.of("chat", "--local-model", dir.resolve("none").toString(), "--policy", "cheapest", "hello");

        assertThat(run.exitCode).isNotZero();
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).startsWith("error: unknown policy 'cheapest'");
    }
}
