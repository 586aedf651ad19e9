package io.hybridllm.cli;

import picocli.CommandLine.Command;

/** {@code bench}: performance measurements, printed as JSON. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Runs a benchmark and prints its numbers as JSON.",
        subcommands = {BenchCoreCommand.class, BenchLocalCommand.class, BenchRemoteCommand.class})
final class BenchCommand {}
