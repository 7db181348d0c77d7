package io.newswatch.serde;

import io.newswatch.registry.SchemaRegistryClient;
import io.newswatch.registry.SchemaRegistryClients;
import java.util.Map;

/**
 * The registry client of a serializer or deserializer, remembering whether the serde created it
 * (and so must close it) or was given a shared one (which its owner closes).
 */
final class ClientHolder {

    private volatile SchemaRegistryClient client;
    private boolean owned;

    ClientHolder(SchemaRegistryClient shared) {
        this.client = shared;
    }

    /** Creates a client from the configuration unless one was given. */
    synchronized void configure(Map<String, ?> configs) {
        if (client == null) {
            client = SchemaRegistryClients.fromConfig(configs);
            owned = true;
        }
    }

    /** Used by a serde that creates one client for both its serializer and deserializer. */
    synchronized void share(SchemaRegistryClient shared) {
        if (client == null) {
            client = shared;
        }
    }

    SchemaRegistryClient get() {
        SchemaRegistryClient current = client;
        if (current == null) {
            throw new IllegalStateException(
                    "Serde not configured: call configure() with schema.registry.url, or construct it with a SchemaRegistryClient");
        }
        return current;
    }

    synchronized void close() {
        if (owned && client != null) {
            client.close();
            client = null;
            owned = false;
        }
    }
}
