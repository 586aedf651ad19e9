package io.hybridllm.cli;

import picocli.CommandLine.Command;

/** {@code convert}: model converters. */
@Command(
        name = "convert",
        mixinStandardHelpOptions = true,
        description = "Converts a model into the standard ONNX model directory the local engine loads.",
        subcommands = {ConvertLlama2cCommand.class})
final class ConvertCommand {}
