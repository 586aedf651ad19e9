package io.hybridllm.cli;

import picocli.CommandLine.Command;

/** {@code eval}: quality measurements on labelled data. */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = "Evaluates a scorer on labelled data and prints its metrics.",
        subcommands = {EvalPiiCommand.class, EvalRoutingCommand.class})
final class EvalCommand {}
