package io.newswatch.ingest.http;

import java.io.IOException;

/** A request that failed; {@link #reason()} is a short stable tag for metrics (e.g. {@code too-large}, {@code timeout}). */
public final class FetchException extends IOException {

    private final String reason;

    public FetchException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public FetchException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
