package io.newswatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newswatch.core.config.KafkaConnection;
import io.newswatch.core.serde.NewswatchSerdes;
import io.newswatch.core.topics.TopicLayout;
import io.newswatch.core.topics.TopicProvisioner;
import io.newswatch.core.topics.Topics;
import io.newswatch.embedded.EmbeddedKafkaBroker;
import io.newswatch.ingest.dedup.SeenArticles;
import io.newswatch.ingest.file.Backfill;
import io.newswatch.schemas.RawArticle;
import io.newswatch.testkit.TestPlatform;
import io.newswatch.testkit.TopicReader;

/** While the broker is down ingest keeps its place and retries; when it is back everything lands, once. */
class BrokerOutageIntegrationTest {

    @TempDir
    Path dir;

    @Test
    void nothingIsLostWhileTheBrokerIsDown() throws Exception {
        io.micrometer.core.instrument.Metrics.addRegistry(new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        int n = 40;
        Path input = dir.resolve("input");
        Files.createDirectories(input);
        try (BufferedWriter w = Files.newBufferedWriter(input.resolve("batch.jsonl"), StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                w.write("{\"url\": \"https://outlet.example/story/" + i + "\", \"title\": \"Story " + i
                        + "\", \"text\": \"Text of story " + i + ".\"}\n");
            }
        }
        Topics topics = new Topics("outage.raw", "outage.enriched", "outage.alerts", "outage.dlq");
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("broker"));
        KafkaConnection connection = new KafkaConnection(broker.bootstrapServers(), TestPlatform.get().schemaRegistryUrl(),
                Map.of());
        try (Admin admin = Admin.create(connection.clientConfig())) {
            new TopicProvisioner(admin, new TopicLayout(1, (short) 1)).ensure(List.of(topics.raw(), topics.deadLetter()));
        }
        broker.close();

        Map<String, Object> impatient = Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000,
                ProducerConfig.LINGER_MS_CONFIG, 0);
        SeenArticles seen = new SeenArticles(dir.resolve("state"));
        Backfill.Summary summary;
        try (IngestPipeline pipeline = openWithoutProvisioning(connection, topics, seen, impatient)) {
            CompletableFuture<Backfill.Summary> running = CompletableFuture.supplyAsync(() -> {
                try {
                    return new Backfill(pipeline.intake(), Clock.systemUTC(), new PrintStream(OutputStream.nullOutputStream()),
                            false).run(List.of(input));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // Deliveries fail and are retried while the broker is away; nothing may be remembered as published.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (errorsSoFar() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(errorsSoFar()).isGreaterThanOrEqualTo(2);
            assertThat(running).isNotDone();
            assertThat(seen.size()).isZero();

            broker = EmbeddedKafkaBroker.start(dir.resolve("broker"));
            summary = running.get(90, TimeUnit.SECONDS);
        } finally {
            broker.close();
        }
        // restart once more to read what landed
        broker = EmbeddedKafkaBroker.start(dir.resolve("broker"));
        try {
            List<ConsumerRecord<String, RawArticle>> records;
            try (NewswatchSerdes serdes = new NewswatchSerdes(connection.serdeConfig())) {
                records = TopicReader.read(connection, topics.raw(), new StringDeserializer(), serdes.rawArticle().deserializer(),
                        n + 1, Duration.ofSeconds(8));
            }
            assertThat(summary.published()).isEqualTo(n);
            assertThat(summary.failed()).isZero();
            Set<String> keys = new HashSet<>();
            records.forEach(r -> keys.add(r.key()));
            assertThat(keys).hasSize(n);
            assertThat(records).hasSize(n);
        } finally {
            broker.close();
        }
    }

    private static double errorsSoFar() {
        return io.micrometer.core.instrument.Metrics.globalRegistry.find("newswatch.errors")
                .tag("reason", "kafka-unavailable").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private static IngestPipeline openWithoutProvisioning(KafkaConnection connection, Topics topics, SeenArticles seen,
            Map<String, Object> overrides) {
        return IngestPipeline.withoutProvisioning(connection, topics, seen, overrides);
    }
}
