package io.newswatch.alerts;

import static io.newswatch.alerts.Articles.enriched;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

import io.newswatch.alerts.match.Matchers;
import io.newswatch.core.serde.NewswatchSerdes;
import io.newswatch.registry.server.InMemorySchemaStore;
import io.newswatch.registry.server.SchemaRegistryServer;
import io.newswatch.schemas.Alert;
import io.newswatch.schemas.EnrichedArticle;

/** How long "already alerted" is remembered: at least 30 days, and as long as the longest throttle. */
class AlertRetentionTest {

    private static final String TEXT = "Masood drove into pedestrians on Westminster Bridge.";

    @Test
    void theHourlyPurgeKeepsStoriesForTheLongestThrottle() throws Exception {
        AlertsTopologyTest.MutableClock clock = new AlertsTopologyTest.MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
        try (SchemaRegistryServer registry = SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore());
             NewswatchSerdes serdes = new NewswatchSerdes(Map.of("schema.registry.url", registry.url()))) {
            var matcher = Matchers.indexed("""
                    watchlists:
                      - { id: hourly, throttle: 1h, match: { any: [ { term: pedestrians } ] } }
                      - { id: bimonthly, throttle: 60d, match: { any: [ { term: drove } ] } }
                    """);
            StreamsBuilder builder = new StreamsBuilder();
            AlertsTopology.build(builder, "enriched", "alerts", serdes.enrichedArticle(), serdes.alert(), () -> matcher, clock);
            Properties props = new Properties();
            props.put(StreamsConfig.APPLICATION_ID_CONFIG, "alerts-retention-test");
            props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
            try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props)) {
                TestInputTopic<String, EnrichedArticle> in = driver.createInputTopic("enriched",
                        Serdes.String().serializer(), serdes.enrichedArticle().serializer());
                TestOutputTopic<String, Alert> out = driver.createOutputTopic("alerts",
                        Serdes.String().deserializer(), serdes.alert().deserializer());

                in.pipeInput("a1", enriched("a1", "story-1", "t", TEXT, List.of(), List.of()));
                assertThat(out.readValuesToList()).extracting(Alert::getWatchlistId).containsExactlyInAnyOrder("hourly", "bimonthly");

                // 45 days on: past the 30-day minimum retention, within the 60-day throttle.
                clock.advance(Duration.ofDays(45));
                driver.advanceWallClockTime(Duration.ofHours(2)); // the hourly purge runs
                in.pipeInput("a2", enriched("a2", "story-1", "t", TEXT, List.of(), List.of()));
                assertThat(out.readValuesToList()).extracting(Alert::getWatchlistId).containsExactly("hourly");
            }
        }
    }
}
