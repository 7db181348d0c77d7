package io.newswatch.alerts;

import java.time.Clock;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

import io.newswatch.alerts.match.Matchers;
import io.newswatch.core.serde.NewswatchSerdes;
import io.newswatch.registry.server.InMemorySchemaStore;
import io.newswatch.registry.server.SchemaRegistryServer;
import io.newswatch.schemas.Alert;
import io.newswatch.schemas.EnrichedArticle;

/** The alerts topology in a TopologyTestDriver, with real serdes against an in-process registry. */
final class AlertsHarness implements AutoCloseable {

    final TopologyTestDriver driver;
    final TestInputTopic<String, EnrichedArticle> in;
    final TestOutputTopic<String, Alert> out;
    private final SchemaRegistryServer registry;
    private final NewswatchSerdes serdes;

    AlertsHarness(String watchlistsYaml, Clock clock) throws Exception {
        registry = SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore());
        serdes = new NewswatchSerdes(Map.of("schema.registry.url", registry.url()));
        var matcher = Matchers.indexed(watchlistsYaml);
        StreamsBuilder builder = new StreamsBuilder();
        AlertsTopology.build(builder, "enriched", "alerts", serdes.enrichedArticle(), serdes.alert(), () -> matcher, clock);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "alerts-harness");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(builder.build(), props);
        in = driver.createInputTopic("enriched", Serdes.String().serializer(), serdes.enrichedArticle().serializer());
        out = driver.createOutputTopic("alerts", Serdes.String().deserializer(), serdes.alert().deserializer());
    }

    @Override
    public void close() throws Exception {
        driver.close();
        serdes.close();
        registry.close();
    }
}
