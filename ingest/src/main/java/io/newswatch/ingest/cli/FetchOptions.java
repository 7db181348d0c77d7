package io.newswatch.ingest.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.newswatch.ingest.IngestCommand;
import io.newswatch.ingest.http.AddressPolicy;
import io.newswatch.ingest.http.FetchSettings;
import picocli.CommandLine.Option;

/** How ingest talks to the web; each option can also be set from the environment. */
public class FetchOptions {

    @Option(names = "--user-agent", defaultValue = "${env:NEWSWATCH_USER_AGENT:-" + FetchSettings.DEFAULT_USER_AGENT + "}",
            description = "User-Agent of feed, page and robots.txt requests; its first word is the robots.txt agent name "
                    + "(env NEWSWATCH_USER_AGENT; default: ${DEFAULT-VALUE}).")
    String userAgent;

    @Option(names = "--allow-addresses", paramLabel = "CIDR[,CIDR...]", split = ",",
            defaultValue = "${env:NEWSWATCH_ALLOW_ADDRESSES}",
            description = "Non-public address ranges that may be fetched anyway, e.g. 10.0.0.0/8 or 127.0.0.1/32; loopback, "
                    + "private, link-local and metadata addresses are refused otherwise (env NEWSWATCH_ALLOW_ADDRESSES).")
    List<String> allowAddresses = new ArrayList<>();

    @Option(names = "--host-delay", paramLabel = "DURATION", defaultValue = "${env:NEWSWATCH_HOST_DELAY:-1s}",
            converter = IngestCommand.DurationConverter.class,
            description = "Least time between two requests to one host (env NEWSWATCH_HOST_DELAY; default: ${DEFAULT-VALUE}).")
    Duration hostDelay;

    @Option(names = "--fetch-timeout", paramLabel = "DURATION", defaultValue = "${env:NEWSWATCH_FETCH_TIMEOUT:-30s}",
            converter = IngestCommand.DurationConverter.class,
            description = "Time limit of a whole request (env NEWSWATCH_FETCH_TIMEOUT; default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "${env:NEWSWATCH_MAX_BODY_BYTES:-5242880}",
            description = "Largest feed or page accepted, as sent and decompressed (env NEWSWATCH_MAX_BODY_BYTES; "
                    + "default: ${DEFAULT-VALUE}).")
    long maxBody;

    @Option(names = "--max-redirects", defaultValue = "${env:NEWSWATCH_MAX_REDIRECTS:-5}",
            description = "Redirects followed per request (env NEWSWATCH_MAX_REDIRECTS; default: ${DEFAULT-VALUE}).")
    int maxRedirects;

    public FetchSettings settings() {
        List<String> allowed = allowAddresses == null ? List.of()
                : allowAddresses.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new FetchSettings(userAgent, Duration.ofSeconds(10).compareTo(timeout) < 0 ? Duration.ofSeconds(10) : timeout,
                timeout, maxBody, maxRedirects, hostDelay, AddressPolicy.allowing(allowed));
    }
}
