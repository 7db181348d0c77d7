package io.newswatch.standalone;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code newswatch bench}: the benchmarks behind the numbers in the README. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run a benchmark and print its numbers.",
        subcommands = {io.newswatch.enrich.bench.EnrichBenchCommand.class, io.newswatch.alerts.bench.MatchBenchCommand.class,
                io.newswatch.standalone.bench.PipelineBenchCommand.class})
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
