package io.newswatch.enrich.embed;

/** The sentence-embedding model could not be loaded; the message names the artifact that provides it. */
public final class EmbeddingModelUnavailableException extends IllegalStateException {

    public EmbeddingModelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
