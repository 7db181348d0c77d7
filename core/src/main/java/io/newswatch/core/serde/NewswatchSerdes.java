package io.newswatch.core.serde;

import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

import io.newswatch.registry.SchemaRegistryClient;
import io.newswatch.registry.SchemaRegistryClients;
import io.newswatch.schemas.Alert;
import io.newswatch.schemas.EnrichedArticle;
import io.newswatch.schemas.RawArticle;
import io.newswatch.serde.SpecificAvroSerde;

/** Value serdes for the pipeline's records, sharing one cached schema registry client. */
public final class NewswatchSerdes implements AutoCloseable {

    private final Map<String, Object> config;
    private final SchemaRegistryClient client;

    public NewswatchSerdes(Map<String, Object> serdeConfig) {
        this.config = Map.copyOf(serdeConfig);
        this.client = SchemaRegistryClients.fromConfig(serdeConfig);
    }

    public Serde<RawArticle> rawArticle() {
        return valueSerde(RawArticle.class);
    }

    public Serde<EnrichedArticle> enrichedArticle() {
        return valueSerde(EnrichedArticle.class);
    }

    public Serde<Alert> alert() {
        return valueSerde(Alert.class);
    }

    private <T extends SpecificRecord> Serde<T> valueSerde(Class<T> type) {
        SpecificAvroSerde<T> serde = new SpecificAvroSerde<>(type, client);
        serde.configure(config, false);
        return serde;
    }

    @Override
    public void close() throws Exception {
        client.close();
    }
}
