package io.newswatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.CloseOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newswatch.alerts.AlertsCommand;
import io.newswatch.alerts.match.WatchlistMatcher;
import io.newswatch.core.ServiceLifecycle;
import io.newswatch.core.config.KafkaConnection;
import io.newswatch.core.serde.NewswatchSerdes;
import io.newswatch.core.streams.StreamsContext;
import io.newswatch.core.streams.StreamsRunner;
import io.newswatch.core.topics.Topics;
import io.newswatch.enrich.CapitalisedPhraseEnricher;
import io.newswatch.enrich.EnrichCommand;
import io.newswatch.schemas.Alert;
import io.newswatch.schemas.RawArticle;
import io.newswatch.testkit.TestPlatform;
import io.newswatch.testkit.TopicReader;

/**
 * Two enrich and two alerts instances on the same topics share the partitions; when one of each
 * dies without saying goodbye, the others take its partitions over and every article still gives
 * exactly one alert.
 */
class ScaleOutIntegrationTest {

    private static final int PARTITIONS = 4;
    private static final int PER_BATCH = 40;

    @TempDir
    Path dir;

    @Test
    void instancesSharePartitionsAndSurviveLosingOne() throws Exception {
        EmbeddedPlatformConnection platform = EmbeddedPlatformConnection.withFastFailureDetection();
        KafkaConnection connection = platform.connection();
        Topics topics = TestPlatform.uniqueTopics("scale");
        TestPlatform.createTopics(PARTITIONS, topics.all());
        Path watchlists = dir.resolve("watchlists.yaml");
        Files.writeString(watchlists, """
                watchlists:
                  - id: zebras
                    name: Zebra sightings
                    severity: low
                    match:
                      any:
                        - term: zebra
                """);
        WatchlistMatcher matcher = AlertsCommand.matcherFor(watchlists);
        Supplier<WatchlistMatcher> matchers = () -> matcher;
        String enrichApp = TestPlatform.uniqueName("scale-enrich");
        String alertsApp = TestPlatform.uniqueName("scale-alerts");

        List<AutoCloseable> parts = new ArrayList<>();
        try {
            NewswatchSerdes serdes = new NewswatchSerdes(connection.serdeConfig());
            parts.add(serdes);
            StreamsRunner enrichA = enrich(connection, topics, serdes, enrichApp, "enrich-a", parts);
            StreamsRunner enrichB = enrich(connection, topics, serdes, enrichApp, "enrich-b", parts);
            StreamsRunner alertsA = alerts(connection, topics, serdes, alertsApp, "alerts-a", matchers, parts);
            StreamsRunner alertsB = alerts(connection, topics, serdes, alertsApp, "alerts-b", matchers, parts);
            for (StreamsRunner r : List.of(enrichA, enrichB, alertsA, alertsB)) {
                assertThat(r.awaitRunning(Duration.ofSeconds(90))).as(r.name() + " running").isTrue();
            }

            assertThat(awaitSplit(topics.raw(), enrichA, enrichB)).as("raw partitions split between enrich instances")
                    .isTrue();
            assertThat(awaitSplit(topics.enriched(), alertsA, alertsB)).as("enriched partitions split between alerts instances")
                    .isTrue();

            List<String> ids = new ArrayList<>();
            try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(connection.clientConfig(),
                    new StringSerializer(), serdes.rawArticle().serializer())) {
                ids.addAll(publish(producer, topics.raw(), 0, PER_BATCH));
                assertThat(alerts(connection, topics, serdes, PER_BATCH)).hasSize(PER_BATCH);

                // Half of the next batch, then one instance of each service dies without leaving
                // its group, then the rest: its partitions come back only through failure detection.
                ids.addAll(publish(producer, topics.raw(), PER_BATCH, PER_BATCH / 2));
                enrichA.streams().close(CloseOptions.timeout(Duration.ZERO));
                alertsA.streams().close(CloseOptions.timeout(Duration.ZERO));
                ids.addAll(publish(producer, topics.raw(), PER_BATCH + PER_BATCH / 2, PER_BATCH / 2));
            }

            List<Alert> all = alerts(connection, topics, serdes, 2 * PER_BATCH);
            assertThat(all).extracting(Alert::getArticleId).containsExactlyInAnyOrderElementsOf(ids);
            // Read again once nothing more can be in flight: still exactly one alert per article.
            List<Alert> settled = TopicReader.readFor(connection, topics.alerts(), new StringDeserializer(),
                    serdes.alert().deserializer(), Duration.ofSeconds(5)).stream().map(ConsumerRecord::value).toList();
            assertThat(settled).extracting(Alert::getId).doesNotHaveDuplicates().hasSize(2 * PER_BATCH);
            assertThat(settled).extracting(Alert::getArticleId).containsExactlyInAnyOrderElementsOf(ids);

            assertThat(owned(enrichB, topics.raw())).hasSize(PARTITIONS);
            assertThat(owned(alertsB, topics.enriched())).hasSize(PARTITIONS);
        } finally {
            ServiceLifecycle.closeAll(parts);
        }
    }

    private StreamsRunner enrich(KafkaConnection connection, Topics topics, NewswatchSerdes serdes, String app,
            String instance, List<AutoCloseable> parts) {
        StreamsRunner runner = EnrichCommand.start(new StreamsContext(connection, topics, serdes, app,
                dir.resolve(instance), 1), new CapitalisedPhraseEnricher(Clock.systemUTC()));
        parts.add(runner);
        return runner;
    }

    private StreamsRunner alerts(KafkaConnection connection, Topics topics, NewswatchSerdes serdes, String app,
            String instance, Supplier<WatchlistMatcher> matcher, List<AutoCloseable> parts) {
        StreamsRunner runner = AlertsCommand.start(new StreamsContext(connection, topics, serdes, app,
                dir.resolve(instance), 1), matcher, Clock.systemUTC());
        parts.add(runner);
        return runner;
    }

    /** Articles unlike each other (random vocabulary), so each is its own story, all about a zebra. */
    private static List<String> publish(KafkaProducer<String, RawArticle> producer, String topic, int from, int count)
            throws Exception {
        Random random = new Random(from);
        List<String> ids = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            StringBuilder text = new StringBuilder("A zebra was reported today.");
            for (int w = 0; w < 40; w++) {
                text.append(' ').append(word(random));
            }
            RawArticle article = Articles.numbered("scale", i, text.append('.').toString());
            producer.send(new ProducerRecord<>(topic, article.getId(), article)).get();
            ids.add(article.getId());
        }
        return ids;
    }

    private static String word(Random random) {
        char[] letters = new char[4 + random.nextInt(6)];
        for (int i = 0; i < letters.length; i++) {
            letters[i] = (char) ('a' + random.nextInt(26));
        }
        return new String(letters);
    }

    private static List<Alert> alerts(KafkaConnection connection, Topics topics, NewswatchSerdes serdes, int expected) {
        return TopicReader.read(connection, topics.alerts(), new StringDeserializer(), serdes.alert().deserializer(),
                expected, Duration.ofSeconds(120)).stream().map(ConsumerRecord::value).toList();
    }

    /** Waits until both instances own some partitions of {@code topic}, none twice, all of them together. */
    private static boolean awaitSplit(String topic, StreamsRunner a, StreamsRunner b) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Set<Integer> ofA = owned(a, topic);
            Set<Integer> ofB = owned(b, topic);
            Set<Integer> both = new HashSet<>(ofA);
            both.retainAll(ofB);
            if (!ofA.isEmpty() && !ofB.isEmpty() && both.isEmpty() && ofA.size() + ofB.size() == PARTITIONS) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    private static Set<Integer> owned(StreamsRunner runner, String topic) {
        return runner.streams().metadataForLocalThreads().stream()
                .flatMap(thread -> thread.activeTasks().stream())
                .flatMap(task -> task.topicPartitions().stream())
                .filter(tp -> tp.topic().equals(topic))
                .map(TopicPartition::partition)
                .collect(Collectors.toSet());
    }

    /** The shared test platform, with consumers that notice a dead group member in seconds. */
    private record EmbeddedPlatformConnection(KafkaConnection connection) {
        static EmbeddedPlatformConnection withFastFailureDetection() {
            KafkaConnection base = TestPlatform.connection();
            Map<String, String> props = new HashMap<>(base.clientProperties());
            props.put("session.timeout.ms", "6000");
            props.put("heartbeat.interval.ms", "1000");
            return new EmbeddedPlatformConnection(new KafkaConnection(base.bootstrapServers(), base.schemaRegistryUrl(), props));
        }
    }
}
