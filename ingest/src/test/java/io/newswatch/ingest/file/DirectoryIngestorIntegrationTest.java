package io.newswatch.ingest.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newswatch.core.config.KafkaConnection;
import io.newswatch.core.serde.NewswatchSerdes;
import io.newswatch.core.topics.TopicLayout;
import io.newswatch.core.topics.Topics;
import io.newswatch.ingest.IngestPipeline;
import io.newswatch.ingest.dedup.SeenArticles;
import io.newswatch.schemas.RawArticle;
import io.newswatch.testkit.TestPlatform;
import io.newswatch.testkit.TopicReader;

/** The two sample scrapes through a watched directory: cleaned, published once, not again after a restart. */
class DirectoryIngestorIntegrationTest {

    @TempDir
    Path dir;

    @Test
    void publishesCleanedSamplesOnceAcrossRestarts() throws Exception {
        Path input = dir.resolve("input");
        Files.createDirectories(input);
        for (String name : List.of("000_5cfd2a8c41dea5d4.txt", "004_695650929c874504.txt")) {
            Files.copy(Path.of("..", "samples", name), input.resolve(name));
        }
        KafkaConnection connection = TestPlatform.connection();
        Topics topics = TestPlatform.uniqueTopics("files");
        try (IngestPipeline pipeline = IngestPipeline.open(connection, topics, new TopicLayout(1, (short) 1),
                new SeenArticles(dir.resolve("state")), Map.of())) {
            DirectoryIngestor ingestor = new DirectoryIngestor(input, pipeline.intake(), Clock.systemUTC());
            assertThat(ingestor.ingestOnce()).isEqualTo(2);
            assertThat(ingestor.ingestOnce()).isZero();
            Files.writeString(input.resolve("copy.txt"), Files.readString(input.resolve("000_5cfd2a8c41dea5d4.txt"))
                    + "\n\nShare this article\n");
            assertThat(ingestor.ingestOnce()).isZero(); // same story after cleaning: an exact duplicate
        }
        try (IngestPipeline pipeline = IngestPipeline.open(connection, topics, new TopicLayout(1, (short) 1),
                new SeenArticles(dir.resolve("state")), Map.of())) {
            assertThat(new DirectoryIngestor(input, pipeline.intake(), Clock.systemUTC()).ingestOnce()).isZero();
        }

        List<ConsumerRecord<String, RawArticle>> records;
        try (NewswatchSerdes serdes = new NewswatchSerdes(connection.serdeConfig())) {
            records = TopicReader.read(connection, topics.raw(), new StringDeserializer(), serdes.rawArticle().deserializer(), 3,
                    Duration.ofSeconds(4));
        }
        assertThat(records).hasSize(2);
        assertThat(records).extracting(r -> r.value().getText()).allSatisfy(text -> assertThat(text)
                .doesNotContain("NOW PLAYING", "Related coverage", "Leave a Reply", "Your email address", "expr:class",
                        "No comments", "Post a Comment"));
    }
}
