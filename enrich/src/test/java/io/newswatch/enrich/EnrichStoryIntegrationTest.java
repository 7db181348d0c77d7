package io.newswatch.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newswatch.articles.ArticleFiles;
import io.newswatch.articles.ArticleJson;
import io.newswatch.core.config.KafkaConnection;
import io.newswatch.core.serde.NewswatchSerdes;
import io.newswatch.core.streams.StreamsContext;
import io.newswatch.core.streams.StreamsRunner;
import io.newswatch.core.topics.Topics;
import io.newswatch.schemas.EnrichedArticle;
import io.newswatch.schemas.RawArticle;
import io.newswatch.testkit.TestPlatform;
import io.newswatch.testkit.TopicReader;

/**
 * The real enricher on a real broker with two raw partitions and two stream threads: two write-ups
 * of one event, arriving on different partitions, still get one story id.
 */
class EnrichStoryIntegrationTest {

    @TempDir
    Path stateDir;

    @Test
    void writeUpsOnDifferentPartitionsShareAStory() throws Exception {
        KafkaConnection connection = TestPlatform.connection();
        Topics topics = TestPlatform.uniqueTopics("enrich-story");
        TestPlatform.createTopics(2, topics.all());
        List<RawArticle> samples = new ArrayList<>();
        new ArticleFiles(new ArticleJson(), SharedNlp.CLOCK).read(Path.of(getClass().getResource("/samples").toURI()),
                new ArticleFiles.Sink() {
                    @Override
                    public void article(RawArticle article, Path file) {
                        samples.add(article);
                    }

                    @Override
                    public void invalid(String where, String message) {
                        throw new AssertionError(message);
                    }
                });
        try (NewswatchSerdes serdes = new NewswatchSerdes(connection.serdeConfig());
             StreamsRunner runner = EnrichCommand.start(new StreamsContext(connection, topics, serdes,
                     TestPlatform.uniqueName("enrich-story-app"), stateDir, 2), SharedNlp.enricher());
             KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(new HashMap<>(connection.clientConfig()),
                     new StringSerializer(), serdes.rawArticle().serializer())) {
            assertThat(runner.awaitRunning(Duration.ofSeconds(60))).isTrue();
            for (int i = 0; i < samples.size(); i++) {
                producer.send(new ProducerRecord<>(topics.raw(), i % 2, samples.get(i).getId(), samples.get(i))).get();
            }

            List<ConsumerRecord<String, EnrichedArticle>> enriched = TopicReader.read(connection, topics.enriched(),
                    new StringDeserializer(), serdes.enrichedArticle().deserializer(), 2, Duration.ofSeconds(60));

            assertThat(enriched).extracting(ConsumerRecord::key)
                    .containsExactlyInAnyOrder(samples.get(0).getId(), samples.get(1).getId());
            assertThat(enriched.get(0).value().getStoryId()).isEqualTo(enriched.get(1).value().getStoryId());
            assertThat(enriched).allSatisfy(r -> assertThat(r.value().getEntities()).isNotEmpty());
        }
    }
}
