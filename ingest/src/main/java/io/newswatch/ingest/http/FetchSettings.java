package io.newswatch.ingest.http;

import java.time.Duration;

/**
 * Limits of the HTTP client.
 *
 * @param userAgent       sent with every request; its first word is the robots.txt agent name
 * @param connectTimeout  to open a connection
 * @param timeout         for a whole request, headers and body
 * @param maxBytes        largest body accepted, as sent and after decompression
 * @param maxRedirects    redirects followed before giving up
 * @param hostDelay       least time between two requests to one host
 * @param policy          which addresses may be contacted
 */
public record FetchSettings(String userAgent, Duration connectTimeout, Duration timeout, long maxBytes, int maxRedirects,
        Duration hostDelay, AddressPolicy policy) {

    public static final String DEFAULT_USER_AGENT = "NewswatchBot/0.1 (+https://newswatch.io/bot)";

    public static FetchSettings defaults() {
        return new FetchSettings(DEFAULT_USER_AGENT, Duration.ofSeconds(10), Duration.ofSeconds(30), 5L * 1024 * 1024, 5,
                Duration.ofSeconds(1), AddressPolicy.publicOnly());
    }

    public FetchSettings withPolicy(AddressPolicy p) {
        return new FetchSettings(userAgent, connectTimeout, timeout, maxBytes, maxRedirects, hostDelay, p);
    }

    public FetchSettings withHostDelay(Duration d) {
        return new FetchSettings(userAgent, connectTimeout, timeout, maxBytes, maxRedirects, d, policy);
    }

    public FetchSettings withTimeout(Duration d) {
        return new FetchSettings(userAgent, connectTimeout, d, maxBytes, maxRedirects, hostDelay, policy);
    }

    public FetchSettings withMaxBytes(long n) {
        return new FetchSettings(userAgent, connectTimeout, timeout, n, maxRedirects, hostDelay, policy);
    }

    public FetchSettings withUserAgent(String ua) {
        return new FetchSettings(ua, connectTimeout, timeout, maxBytes, maxRedirects, hostDelay, policy);
    }
}
