package io.newswatch.core.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** Options of a Kafka Streams service. */
public class StreamsOptions {

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "${env:NEWSWATCH_STATE_DIR:-${sys:java.io.tmpdir}/newswatch-streams}",
            description = "Directory for local state stores (env NEWSWATCH_STATE_DIR; default: ${DEFAULT-VALUE}).")
    public Path stateDir;

    @Option(names = "--threads", defaultValue = "${env:NEWSWATCH_STREAM_THREADS:-1}",
            description = "Stream threads (env NEWSWATCH_STREAM_THREADS; default: ${DEFAULT-VALUE}).")
    public int threads;

    @Option(names = "--application-id", paramLabel = "ID", defaultValue = "${env:NEWSWATCH_APPLICATION_ID}",
            description = "Kafka Streams application id; instances with the same id share the work "
                    + "(env NEWSWATCH_APPLICATION_ID; default: newswatch-<service>).")
    public String applicationId;

    public String applicationId(String service) {
        return applicationId == null || applicationId.isBlank() ? "newswatch-" + service : applicationId;
    }
}
