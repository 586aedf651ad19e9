package io.hybridllm.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Evaluates the complexity scorer as a router on a labelled JSONL file. */
@Command(
        name = "routing",
        mixinStandardHelpOptions = true,
        description = "Evaluates the complexity scorer as a router on a labelled JSONL file.")
final class EvalRoutingCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("routing: not available in this build");
        return 2;
    }
}
