package io.newswatch.registry.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Keeps events in memory: state lasts as long as this object, e.g. across server restarts in a test. */
public final class InMemorySchemaStore implements SchemaStore {

    private final List<SchemaEvent> events = new ArrayList<>();

    @Override
    public synchronized List<SchemaEvent> load() {
        return List.copyOf(events);
    }

    @Override
    public synchronized void append(SchemaEvent event) {
        events.add(Objects.requireNonNull(event, "event"));
    }

    @Override
    public void close() {
        // Nothing to release; the events stay available.
    }
}
