package io.hybridllm.cli;

import io.hybridllm.core.errors.HybridException;
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
            DemoCommand.class,
            ChatCommand.class,
            ScoreCommand.class,
            ConvertCommand.class,
            GenerateCommand.class,
            EvalCommand.class,
            ExperimentCommand.class,
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
        return new CommandLine(new HybridCli())
                .setExecutionExceptionHandler(HybridCli::reportFailure)
                .execute(args);
    }

    /** A typed failure is one line on stderr (exit 1); a bad argument value is a usage error (exit 2). */
    private static int reportFailure(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        if (e instanceof HybridException) {
            cmd.getErr().println("error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        }
        if (e instanceof IllegalArgumentException) {
            cmd.getErr().println("error: " + e.getMessage());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
            return 2;
        }
        cmd.getErr().println("error: " + e);
        return 1;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
