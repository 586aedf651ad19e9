package io.hybridllm.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code hybrid-cli} entry point. Each subcommand is its own class, registered here. */
@Command(
        name = "hybrid-cli",
        mixinStandardHelpOptions = true,
        version = "hybrid-cli 0.1.0",
        description = "Score, route and answer chat requests on a local model or an OpenAI-compatible endpoint.",
        subcommands = {
            CommandLine.HelpCommand.class,
            ConvertCommand.class,
            GenerateCommand.class,
            EvalCommand.class,
            BenchCommand.class,
            TrainCommand.class,
            CalibrateCommand.class
        })
public final class HybridCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code (for tests). */
    public static int run(String... args) {
        return new CommandLine(new HybridCli()).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
