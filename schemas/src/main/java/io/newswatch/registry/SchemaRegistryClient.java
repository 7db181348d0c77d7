package io.newswatch.registry;

import java.util.List;
import org.apache.avro.Schema;

/**
 * The subset of the Confluent Schema Registry API that Avro serdes and tooling need.
 *
 * <p>Failures are reported as {@link SchemaRegistryException}, which carries the HTTP status and
 * Confluent {@code error_code} so callers can tell "not found" from "incompatible" from "down".
 */
public interface SchemaRegistryClient extends AutoCloseable {

    /** Registers {@code schema} under {@code subject} (idempotent) and returns its global id. */
    int register(String subject, Schema schema);

    /** The schema with the given global id. */
    Schema getById(int id);

    /** The newest version registered under {@code subject}. */
    RegisteredSchema getLatest(String subject);

    /** The id of {@code schema} if it is registered under {@code subject}, without registering it. */
    int getId(String subject, Schema schema);

    /**
     * Whether {@code schema} may be registered under {@code subject} given the subject's compatibility
     * level. A subject without versions accepts anything.
     */
    boolean isCompatible(String subject, Schema schema);

    /** All subjects that have at least one live version. */
    List<String> subjects();

    /** Releases resources; does not throw checked exceptions. */
    @Override
    void close();
}
