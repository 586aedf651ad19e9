package io.hybridllm.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Benchmarks the remote client against a loopback server and prints the numbers as JSON. */
@Command(
        name = "remote",
        mixinStandardHelpOptions = true,
        description = "Benchmarks the remote client against a loopback server and prints the numbers as JSON.")
final class BenchRemoteCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("remote: not available in this build");
        return 2;
    }
}
