package io.newswatch.ingest;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.newswatch.core.cli.ConnectionOptions;
import io.newswatch.core.cli.TopicOptions;
import io.newswatch.ingest.cli.StateOptions;
import io.newswatch.ingest.file.Backfill;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newswatch ingest files PATH...}: a one-shot backfill of article files. */
@Command(name = "files", mixinStandardHelpOptions = true,
        description = "Publish the articles of files and directories once (.jsonl, .json, .txt, .html), skipping what was "
                + "published before; shows progress and exits.")
public final class IngestFilesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connectionOptions;

    @Mixin
    TopicOptions topicOptions;

    @Mixin
    StateOptions stateOptions;

    @Mixin
    io.newswatch.ingest.cli.FileLimitOptions fileLimits;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files or directories to read.")
    List<Path> paths;

    @Option(names = "--no-progress-bar", description = "Print plain progress lines even on a terminal.")
    boolean plain;

    @Override
    public Integer call() throws Exception {
        try (IngestPipeline pipeline = IngestPipeline.open(connectionOptions.connection(), topicOptions.topics(),
                topicOptions.layout(), stateOptions.openSeen(), Map.of())) {
            boolean terminal = System.console() != null && !plain;
            Backfill.Summary s = new Backfill(pipeline.intake(), Clock.systemUTC(), System.err, terminal, fileLimits.limits())
                    .run(paths);
            spec.commandLine().getOut().printf(java.util.Locale.ROOT,
                    "%d articles read in %.1f s (%.0f/s): %d published, %d duplicates, %d invalid, %d failed%n",
                    s.read(), s.took().toMillis() / 1000.0, s.ratePerSecond(), s.published(), s.duplicates(), s.invalid(),
                    s.failed());
            return s.failed() == 0 && s.invalid() == 0 ? 0 : 1;
        }
    }
}
