package io.hybridllm.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Benchmarks the local engine and prints the numbers as JSON. */
@Command(
        name = "local",
        mixinStandardHelpOptions = true,
        description = "Benchmarks the local engine and prints the numbers as JSON.")
final class BenchLocalCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("local: not available in this build");
        return 2;
    }
}
