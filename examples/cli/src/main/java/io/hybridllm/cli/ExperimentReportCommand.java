package io.hybridllm.cli;

import io.hybridllm.core.errors.HybridException;
import io.hybridllm.core.experiment.ExperimentReport;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Reports on an experiment log: prints the Markdown summary and, with {@code --out}, writes report.html and the SVG
 * plots. See docs/experiments.md.
 */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = "Summarises an experiment log per experiment and arm (units, calls, routes, overrides, errors"
                + " with Wilson intervals, latency percentiles, tokens, REMOTE minus LOCAL with a cluster bootstrap"
                + " over units, sample-ratio check, shadow runs) as Markdown on stdout; with --out also writes"
                + " report.html and one SVG per plot.")
final class ExperimentReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "LOG", description = "Experiment log: one JSON record a line.")
    Path log;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Directory for report.html and the SVG plots (created if needed).")
    Path out;

    @Option(
            names = "--seed",
            paramLabel = "N",
            description = "Seed of the bootstrap (default: ${DEFAULT-VALUE}).",
            defaultValue = "1")
    long seed;

    @Option(
            names = "--resamples",
            paramLabel = "N",
            description = "Bootstrap resamples (default: ${DEFAULT-VALUE}).",
            defaultValue = "2000")
    int resamples;

    @Override
    public Integer call() {
        try {
            ExperimentReport report = ExperimentReport.read(log, seed, resamples);
            if (report.experiments().isEmpty()) {
                System.err.println("experiment report: no records in " + log);
                return 1;
            }
            System.out.print(report.toMarkdown());
            if (out != null) {
                List<Path> written = report.writeHtml(out);
                System.out.println();
                for (Path p : written) {
                    System.out.println("wrote " + p);
                }
            }
            return 0;
        } catch (IllegalArgumentException | HybridException e) {
            System.err.println("experiment report: " + e.getMessage());
            return 1;
        }
    }
}
