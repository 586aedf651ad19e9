package io.hybridllm.cli;

import picocli.CommandLine.Command;

/** {@code train}: fits the learned scorers from labelled data. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = "Trains a learned scorer from labelled data.",
        subcommands = {TrainComplexityCommand.class})
final class TrainCommand {}
