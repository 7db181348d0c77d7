package io.newswatch.ingest.feed;

/** A sources file that cannot be used; the message names the file, line, column and field. */
public final class InvalidSourcesException extends Exception {

    public InvalidSourcesException(String message) {
        super(message);
    }
}
