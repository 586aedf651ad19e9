package io.hybridllm.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Converts a llama2.c checkpoint and tokenizer into a standard ONNX model directory. */
@Command(
        name = "llama2c",
        mixinStandardHelpOptions = true,
        description = "Converts a llama2.c checkpoint and tokenizer into a standard ONNX model directory.")
final class ConvertLlama2cCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("llama2c: not available in this build");
        return 2;
    }
}
