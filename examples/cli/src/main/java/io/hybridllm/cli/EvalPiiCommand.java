package io.hybridllm.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Evaluates the privacy scanner on a labelled JSONL file. */
@Command(
        name = "pii",
        mixinStandardHelpOptions = true,
        description = "Evaluates the privacy scanner on a labelled JSONL file.")
final class EvalPiiCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("pii: not available in this build");
        return 2;
    }
}
