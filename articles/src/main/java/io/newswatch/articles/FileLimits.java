package io.newswatch.articles;

import java.time.Duration;

/**
 * How much one article file may cost: its size (checked before it is read; for JSON lines, each
 * line), the element nesting kept when a page is extracted (deeper markup is flattened), and the
 * time extraction may take before the file is given up.
 */
public record FileLimits(long maxBytes, int maxNesting, Duration extractTimeout) {

    /** The same as a fetched page's limit ({@code --max-body}). */
    public static final long DEFAULT_MAX_BYTES = 5L * 1024 * 1024;
    /** Far deeper than pages written for people (20-60), far shallower than what makes parsing slow. */
    public static final int DEFAULT_MAX_NESTING = 256;
    public static final Duration DEFAULT_EXTRACT_TIMEOUT = Duration.ofSeconds(10);

    public FileLimits {
        if (maxBytes < 1 || maxNesting < 1 || extractTimeout.isNegative() || extractTimeout.isZero()) {
            throw new IllegalArgumentException("file limits must be positive: " + maxBytes + ", " + maxNesting + ", "
                    + extractTimeout);
        }
    }

    public static FileLimits defaults() {
        return new FileLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_NESTING, DEFAULT_EXTRACT_TIMEOUT);
    }

    public FileLimits withMaxBytes(long bytes) {
        return new FileLimits(bytes, maxNesting, extractTimeout);
    }
}
