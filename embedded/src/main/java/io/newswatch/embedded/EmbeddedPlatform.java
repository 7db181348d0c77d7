package io.newswatch.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.newswatch.registry.server.FileSchemaStore;
import io.newswatch.registry.server.SchemaRegistryServer;
import io.newswatch.registry.server.SchemaStore;

/**
 * The infrastructure of the all-in-one mode: a Kafka broker and a schema registry, both keeping
 * their state under one data directory so that a restart resumes where it stopped.
 */
public final class EmbeddedPlatform implements AutoCloseable {

    /** How often the broker is checked for transactions whose end marker was lost (see {@link LostMarkerRepair}). */
    static final Duration TRANSACTION_CHECK_PERIOD = Duration.ofSeconds(3);

    private volatile EmbeddedKafkaBroker broker;
    private final SchemaStore schemas;
    private final SchemaRegistryServer registry;
    private final LostMarkerRepair transactions;

    private EmbeddedPlatform(EmbeddedKafkaBroker broker, SchemaStore schemas, SchemaRegistryServer registry) {
        this.broker = broker;
        this.schemas = schemas;
        this.registry = registry;
        this.transactions = LostMarkerRepair.start(broker.bootstrapServers(), TRANSACTION_CHECK_PERIOD);
    }

    public static EmbeddedPlatform start(Path dataDir) {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"));
        SchemaStore schemas = null;
        try {
            Path registryDir = Files.createDirectories(dataDir.resolve("registry"));
            schemas = new FileSchemaStore(registryDir.resolve("schemas.jsonl"));
            SchemaRegistryServer registry = startRegistry(registryDir.resolve("port"), schemas);
            return new EmbeddedPlatform(broker, schemas, registry);
        } catch (IOException | RuntimeException e) {
            if (schemas != null) {
                schemas.close();
            }
            broker.close();
            throw new IllegalStateException("Cannot start the embedded schema registry: " + e.getMessage(), e);
        }
    }

    /**
     * Starts the registry on the port it had last time, so that its URL stays the same across
     * restarts (clients outside the process may have it configured); a new port if that one is taken.
     */
    private static SchemaRegistryServer startRegistry(Path portFile, SchemaStore schemas) throws IOException {
        int previous = Files.exists(portFile) ? Integer.parseInt(Files.readString(portFile).trim()) : 0;
        SchemaRegistryServer registry;
        try {
            registry = SchemaRegistryServer.start("127.0.0.1", previous, schemas);
        } catch (UncheckedIOException e) {
            if (previous == 0) {
                throw e;
            }
            registry = SchemaRegistryServer.start("127.0.0.1", 0, schemas);
        }
        Files.writeString(portFile, Integer.toString(registry.port()));
        return registry;
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public String schemaRegistryUrl() {
        return registry.url();
    }

    public EmbeddedKafkaBroker broker() {
        return broker;
    }

    /**
     * Stops the broker and starts it again on the same data directory and ports, the registry
     * staying up: clients see the broker go away and come back, as in a rolling restart.
     */
    public synchronized void restartBroker() {
        Path dir = broker.dataDir();
        broker.close();
        broker = EmbeddedKafkaBroker.start(dir);
    }

    @Override
    public void close() {
        // The broker is stopped whatever the registry does: a broker left running over a deleted
        // data directory halts the JVM at its next write.
        try {
            transactions.close();
            registry.close();
            schemas.close();
        } finally {
            broker.close();
        }
    }
}
