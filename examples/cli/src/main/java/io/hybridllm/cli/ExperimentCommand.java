package io.hybridllm.cli;

import picocli.CommandLine.Command;

/** {@code experiment}: local-versus-remote experiments. */
@Command(
        name = "experiment",
        mixinStandardHelpOptions = true,
        description = "Works with the logs of local-versus-remote experiments.",
        subcommands = {ExperimentReportCommand.class})
final class ExperimentCommand {}
