package io.newswatch.registry.server;

import java.util.Objects;

/**
 * A change to the registry. The registry's whole state is the replay of these events in order, the
 * same model as Confluent's {@code _schemas} topic: ids and versions are recorded, never recomputed.
 */
public sealed interface SchemaEvent
        permits SchemaEvent.SchemaRegistered, SchemaEvent.ConfigSet, SchemaEvent.SubjectDeleted {

    /** {@code schema} got {@code version} under {@code subject}, with global id {@code id}. */
    record SchemaRegistered(String subject, int version, int id, String schema) implements SchemaEvent {
        public SchemaRegistered {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(schema, "schema");
            if (version < 1 || id < 1) {
                throw new IllegalArgumentException("version and id must be positive: " + version + ", " + id);
            }
        }
    }

    /**
     * Compatibility level set: {@code subject} null means the global default; {@code compatibility}
     * null removes a subject's own level so it falls back to the global one.
     */
    record ConfigSet(String subject, String compatibility) implements SchemaEvent {
        public ConfigSet {
            if (subject == null && compatibility == null) {
                throw new IllegalArgumentException("The global compatibility level cannot be removed");
            }
        }
    }

    /** All live versions of {@code subject} removed; their ids stay resolvable, as in Confluent's soft delete. */
    record SubjectDeleted(String subject) implements SchemaEvent {
        public SubjectDeleted {
            Objects.requireNonNull(subject, "subject");
        }
    }
}
