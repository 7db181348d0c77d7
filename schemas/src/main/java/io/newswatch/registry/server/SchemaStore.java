package io.newswatch.registry.server;

import java.util.List;

/**
 * Durable, append-only log of {@link SchemaEvent}s. The server replays {@link #load()} at start and
 * appends each change before applying it, so an acknowledged change survives a restart.
 * Implementations are thread-safe.
 */
public interface SchemaStore extends AutoCloseable {

    /** All events appended so far, oldest first. */
    List<SchemaEvent> load();

    /**
     * Appends durably; when this returns the event survives a crash.
     *
     * @throws java.io.UncheckedIOException when the event could not be stored
     */
    void append(SchemaEvent event);

    @Override
    void close();
}
