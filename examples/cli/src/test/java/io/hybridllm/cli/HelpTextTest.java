package io.hybridllm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HelpTextTest {
    private static void collect(CommandLine cmd, List<String> path, List<List<String>> out) {
        for (Map.Entry<String, CommandLine> sub : cmd.getSubcommands().entrySet()) {
            List<String> p = new ArrayList<>(path);
            p.add(sub.getKey());
            out.add(p);
            collect(sub.getValue(), p, out);
        }
    }

    @Test
    void everySubcommandPrintsItsHelpWithoutFormattingWarnings() {
        List<List<String>> commands = new ArrayList<>();
        collect(new CommandLine(new HybridCli()), List.of(), commands);
        assertThat(commands).isNotEmpty();

        for (List<String> command : commands) {
            List<String> args = new ArrayList<>(command);
            args.add("--help");
            CliRun run = CliRun.of(args.toArray(String[]::new));

            assertThat(run.exitCode).as("exit code of %s --help", command).isZero();
            assertThat(run.out).as("help of %s", command).contains("Usage: hybrid-cli " + String.join(" ", command));
            assertThat(run.err).as("stderr of %s --help", command).doesNotContain("WARN");
        }
    }
}
