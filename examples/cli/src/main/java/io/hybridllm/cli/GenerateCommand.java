package io.hybridllm.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Raw completion on the local model, no chat template; prints only the generated text. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = "Raw completion on the local model, no chat template; prints only the generated text.")
final class GenerateCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("generate: not available in this build");
        return 2;
    }
}
