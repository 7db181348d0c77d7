package io.newswatch.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newswatch.core.config.KafkaConnection;
import io.newswatch.core.serde.NewswatchSerdes;
import io.newswatch.core.streams.StreamsContext;
import io.newswatch.core.streams.StreamsRunner;
import io.newswatch.core.topics.Topics;
import io.newswatch.schemas.EnrichedArticle;
import io.newswatch.schemas.Origin;
import io.newswatch.schemas.RawArticle;
import io.newswatch.schemas.Source;
import io.newswatch.testkit.TestPlatform;
import io.newswatch.testkit.TopicReader;

/** Poison records on a real broker: they land in the dead-letter topic and the next record still flows. */
class EnrichDeadLetterIntegrationTest {

    @TempDir
    Path stateDir;

    @Test
    void garbageAndFailingArticlesGoToTheDeadLetterTopicAndProcessingContinues() throws Exception {
        KafkaConnection connection = TestPlatform.connection();
        Topics topics = TestPlatform.uniqueTopics("enrich-dlq");
        TestPlatform.createTopics(1, topics.all());
        Enricher failsOnBoom = article -> {
            if (article.getTitle().contains("boom")) {
                throw new IllegalStateException("cannot enrich " + article.getId());
            }
            return new CapitalisedPhraseEnricher(Clock.systemUTC()).enrich(article);
        };
        try (NewswatchSerdes serdes = new NewswatchSerdes(connection.serdeConfig());
             StreamsRunner runner = EnrichCommand.start(new StreamsContext(connection, topics, serdes,
                     TestPlatform.uniqueName("enrich-dlq-app"), stateDir, 1), failsOnBoom);
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                     new HashMap<>(connection.clientConfig()), new ByteArraySerializer(), new ByteArraySerializer())) {
            assertThat(runner.awaitRunning(Duration.ofSeconds(60))).isTrue();
            var serializer = serdes.rawArticle().serializer();
            producer.send(new ProducerRecord<>(topics.raw(), "garbage".getBytes(StandardCharsets.UTF_8),
                    new byte[] {0x13, 0x37, 0x00, 0x01})).get();
            producer.send(new ProducerRecord<>(topics.raw(), "a-boom".getBytes(StandardCharsets.UTF_8),
                    serializer.serialize(topics.raw(), article("a-boom", "boom goes the enricher")))).get();
            producer.send(new ProducerRecord<>(topics.raw(), "a-good".getBytes(StandardCharsets.UTF_8),
                    serializer.serialize(topics.raw(), article("a-good", "Amber Rudd speaks")))).get();

            List<ConsumerRecord<String, EnrichedArticle>> enriched = TopicReader.read(connection, topics.enriched(),
                    new StringDeserializer(), serdes.enrichedArticle().deserializer(), 1, Duration.ofSeconds(60));
            assertThat(enriched).extracting(ConsumerRecord::key).containsExactly("a-good");

            List<ConsumerRecord<byte[], byte[]>> dead = TopicReader.read(connection, topics.deadLetter(),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer(), 2, Duration.ofSeconds(30));
            assertThat(dead).hasSize(2);
            Map<String, String> garbage = headers(dead.get(0));
            assertThat(new String(dead.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("garbage");
            assertThat(dead.get(0).value()).containsExactly(0x13, 0x37, 0x00, 0x01);
            assertThat(garbage.get("__streams.errors.exception")).contains("SerializationException");
            assertThat(garbage.get("__streams.errors.message")).containsIgnoringCase("magic");
            assertThat(garbage).containsEntry("__streams.errors.topic", topics.raw())
                    .containsEntry("__streams.errors.partition", "0")
                    .containsEntry("__streams.errors.offset", "0");
            Map<String, String> boom = headers(dead.get(1));
            assertThat(boom.get("__streams.errors.exception")).isEqualTo(IllegalStateException.class.getName());
            assertThat(boom.get("__streams.errors.message")).isEqualTo("cannot enrich a-boom");
            assertThat(boom).containsEntry("__streams.errors.offset", "1");
        }
    }

    private static Map<String, String> headers(ConsumerRecord<?, ?> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header h : record.headers()) {
            headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    private static RawArticle article(String id, String title) {
        return RawArticle.newBuilder().setId(id).setSource(new Source("test", null, null, List.of()))
                .setOrigin(Origin.PUSH).setTitle(title).setText("Home Secretary Amber Rudd said so.")
                .setFetchedAt(Instant.now()).setContentHash("h-" + id).build();
    }
}
