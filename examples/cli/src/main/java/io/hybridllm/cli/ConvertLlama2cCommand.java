package io.hybridllm.cli;

import io.hybridllm.core.errors.HybridException;
import io.hybridllm.local.Llama2cConverter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Converts a llama2.c checkpoint and tokenizer into a standard ONNX model directory. */
@Command(
        name = "llama2c",
        mixinStandardHelpOptions = true,
        description = "Converts a llama2.c checkpoint and tokenizer into a standard ONNX model directory.")
final class ConvertLlama2cCommand implements Callable<Integer> {
    @Option(names = "--checkpoint", required = true, description = "llama2.c checkpoint (.bin)")
    Path checkpoint;

    @Option(names = "--tokenizer", required = true, description = "llama2.c tokenizer (tokenizer.bin / tok512.bin)")
    Path tokenizer;

    @Option(names = "--out", required = true, description = "output model directory")
    Path out;

    @Override
    public Integer call() {
        try {
            Llama2cConverter.convert(checkpoint, tokenizer, out);
            System.err.println("wrote " + out.toAbsolutePath()
                    + " (model.onnx, config.json, generation_config.json, tokenizer.json, tokenizer_config.json)");
            return 0;
        } catch (HybridException | UncheckedIOException e) {
            System.err.println("convert llama2c: " + e.getMessage());
            return 1;
        }
    }
}
