package io.newswatch.ingest.cli;

import java.time.Duration;

import io.newswatch.articles.FileLimits;
import io.newswatch.ingest.IngestCommand;
import picocli.CommandLine.Option;

/** Limits on local article files, shared by the commands that read them. */
public final class FileLimitOptions {

    @Option(names = "--max-file-bytes", paramLabel = "BYTES", defaultValue = "${env:NEWSWATCH_MAX_FILE_BYTES:-5242880}",
            description = "Largest article file (.txt, .html, .json) or JSON line read, checked before reading; larger ones "
                    + "are rejected (env NEWSWATCH_MAX_FILE_BYTES; default: ${DEFAULT-VALUE}, as --max-body).")
    long maxFileBytes;

    @Option(names = "--max-nesting", paramLabel = "DEPTH", defaultValue = "${env:NEWSWATCH_MAX_NESTING:-256}",
            description = "HTML nested deeper than this is flattened before extraction, which bounds its time "
                    + "(env NEWSWATCH_MAX_NESTING; default: ${DEFAULT-VALUE}).")
    int maxNesting;

    @Option(names = "--extract-timeout", paramLabel = "DURATION", defaultValue = "${env:NEWSWATCH_EXTRACT_TIMEOUT:-10s}",
            converter = IngestCommand.DurationConverter.class,
            description = "Time one file's extraction may take before the file is rejected (env NEWSWATCH_EXTRACT_TIMEOUT; "
                    + "default: ${DEFAULT-VALUE}).")
    Duration extractTimeout;

    public FileLimits limits() {
        return new FileLimits(maxFileBytes, maxNesting, extractTimeout);
    }
}
