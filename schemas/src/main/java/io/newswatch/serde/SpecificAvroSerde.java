package io.newswatch.serde;

import io.newswatch.registry.SchemaRegistryClient;
import io.newswatch.registry.SchemaRegistryClients;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde for one generated Avro class in the Confluent wire format; a drop-in for Confluent's
 * {@code SpecificAvroSerde} with the same configuration names.
 *
 * <p>Call {@link #configure} once before use. The serializer and deserializer share one registry
 * client (and so one cache): either the one given to the constructor, which the caller closes, or
 * one created from {@code schema.registry.url}, which {@link #close} closes.
 */
public class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final SpecificAvroSerializer<T> serializer;
    private final SpecificAvroDeserializer<T> deserializer;
    private final SchemaRegistryClient sharedClient;
    private SchemaRegistryClient ownedClient;

    public SpecificAvroSerde(Class<T> type) {
        this.serializer = new SpecificAvroSerializer<>();
        this.deserializer = new SpecificAvroDeserializer<>(type);
        this.sharedClient = null;
    }

    public SpecificAvroSerde(Class<T> type, SchemaRegistryClient client) {
        this.sharedClient = Objects.requireNonNull(client, "client");
        this.serializer = new SpecificAvroSerializer<>(client);
        this.deserializer = new SpecificAvroDeserializer<>(type, client);
    }

    @Override
    public synchronized void configure(Map<String, ?> configs, boolean isKey) {
        if (sharedClient == null && ownedClient == null) {
            ownedClient = SchemaRegistryClients.fromConfig(configs);
            serializer.share(ownedClient);
            deserializer.share(ownedClient);
        }
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }

    @Override
    public synchronized void close() {
        serializer.close();
        deserializer.close();
        if (ownedClient != null) {
            ownedClient.close();
            ownedClient = null;
        }
    }
}
