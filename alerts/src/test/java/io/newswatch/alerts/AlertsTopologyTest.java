package io.newswatch.alerts;

import static io.newswatch.alerts.Articles.enriched;
import static io.newswatch.alerts.Articles.publishedAt;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.newswatch.alerts.match.Matchers;
import io.newswatch.core.serde.NewswatchSerdes;
import io.newswatch.registry.server.InMemorySchemaStore;
import io.newswatch.registry.server.SchemaRegistryServer;
import io.newswatch.schemas.Alert;
import io.newswatch.schemas.AlertKind;
import io.newswatch.schemas.EnrichedArticle;

class AlertsTopologyTest {

    private static final String TEXT = "Masood drove into pedestrians on Westminster Bridge.";

    private SchemaRegistryServer registry;
    private NewswatchSerdes serdes;
    private TopologyTestDriver driver;
    private TestInputTopic<String, EnrichedArticle> in;
    private TestOutputTopic<String, Alert> out;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));

    @BeforeEach
    void setUp() throws Exception {
        registry = SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore());
        serdes = new NewswatchSerdes(Map.of("schema.registry.url", registry.url()));
        var matcher = Matchers.monitor("""
                watchlists:
                  - { id: bridge, severity: high, throttle: 24h, match: { any: [ { phrase: Westminster Bridge } ] } }
                  - { id: pedestrians, throttle: 1h, match: { any: [ { term: pedestrians } ] } }
                """);
        StreamsBuilder builder = new StreamsBuilder();
        AlertsTopology.build(builder, "enriched", "alerts", serdes.enrichedArticle(), serdes.alert(),
                new AtomicReference<>(matcher)::get, clock);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "alerts-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(builder.build(), props);
        in = driver.createInputTopic("enriched", Serdes.String().serializer(), serdes.enrichedArticle().serializer());
        out = driver.createOutputTopic("alerts", Serdes.String().deserializer(), serdes.alert().deserializer());
    }

    @AfterEach
    void tearDown() throws Exception {
        driver.close();
        serdes.close();
        registry.close();
    }

    @Test
    void oneAlertPerWatchlistAndStoryWhateverTheNumberOfCopies() {
        in.pipeInput("a1", enriched("a1", "story-1", "Attack in London", TEXT, List.of(), List.of()));
        in.pipeInput("a2", enriched("a2", "story-1", "London attack: copy", TEXT, List.of(), List.of()));
        in.pipeInput("a3", enriched("a3", "story-2", "Another bridge story", TEXT, List.of(), List.of()));

        List<Alert> alerts = out.readValuesToList();
        assertThat(alerts).extracting(Alert::getWatchlistId, Alert::getArticleId, Alert::getStoryId).containsExactly(
                org.assertj.core.groups.Tuple.tuple("bridge", "a1", "story-1"),
                org.assertj.core.groups.Tuple.tuple("pedestrians", "a1", "story-1"),
                org.assertj.core.groups.Tuple.tuple("bridge", "a3", "story-2"),
                org.assertj.core.groups.Tuple.tuple("pedestrians", "a3", "story-2"));
        Alert first = alerts.get(0);
        assertThat(first.getKind()).isEqualTo(AlertKind.NEW);
        assertThat(first.getWatchlistVersion()).isEqualTo("v1");
        assertThat(first.getUrl()).isEqualTo("https://news.example/a1");
        assertThat(first.getEvidence()).hasSize(1);
        assertThat(first.getId()).isNotEqualTo(alerts.get(2).getId());
    }

    @Test
    void alertsKeyedByWatchlistAndThrottleExpires() {
        Instant published = Instant.parse("2026-11-01T08:00:00Z");
        in.pipeInput("a1", publishedAt(enriched("a1", "story-1", "t", TEXT, List.of(), List.of()), published));
        assertThat(out.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("bridge", "pedestrians");

        // Published 2 h later: past the 1h throttle of 'pedestrians', within 24h of 'bridge'.
        in.pipeInput("a9", publishedAt(enriched("a9", "story-1", "t", TEXT, List.of(), List.of()),
                published.plus(Duration.ofHours(2))));
        assertThat(out.readValuesToList()).extracting(Alert::getWatchlistId, Alert::getArticleId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("pedestrians", "a9"));
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
