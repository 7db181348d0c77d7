package io.newswatch.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newswatch.core.config.KafkaConnection;
import io.newswatch.core.metrics.Telemetry;
import io.newswatch.core.streams.StreamsRunner;
import io.newswatch.core.streams.StreamsSettings;
import io.newswatch.embedded.EmbeddedKafkaBroker;

/** The health and metrics endpoints over real HTTP, in front of a real Streams application. */
class HealthEndpointsIntegrationTest {

    @TempDir
    static Path dir;

    private static EmbeddedKafkaBroker broker;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"));
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void readinessFollowsTheStreamsStateAndMetricsShowClientsAndDeadLetters() throws Exception {
        KafkaConnection connection = new KafkaConnection(broker.bootstrapServers(), "http://127.0.0.1:1");
        try (Admin admin = Admin.create(connection.clientConfig())) {
            admin.createTopics(List.of(new NewTopic("in", 2, (short) 1), new NewTopic("out", 2, (short) 1),
                    new NewTopic("dlq", 1, (short) 1))).all().get();
        }
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
                .mapValues(v -> {
                    if (v.startsWith("poison")) {
                        throw new IllegalArgumentException("cannot handle " + v);
                    }
                    return v.toUpperCase();
                })
                .to("out", Produced.with(Serdes.String(), Serdes.String()));
        StreamsRunner runner = new StreamsRunner("upper", builder.build(), StreamsSettings.forApplication(
                "health-test-" + UUID.randomUUID(), connection, "dlq", dir.resolve("streams"), 1));

        try (HealthServer server = HealthServer.start("upper", "127.0.0.1", 0, () -> List.of(runner),
                Telemetry.prometheus())) {
            HttpResponse<String> before = get(server, "/readyz");
            assertThat(before.statusCode()).isEqualTo(503);
            assertThat(before.body()).contains("\"status\":\"DOWN\"", "CREATED");
            assertThat(get(server, "/healthz").statusCode()).isEqualTo(200);

            runner.start();
            assertThat(runner.awaitRunning(Duration.ofSeconds(60))).isTrue();
            HttpResponse<String> ready = get(server, "/readyz");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("\"name\":\"upper\"", "\"status\":\"UP\"", "RUNNING");

            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.copyOf(connection.clientConfig()),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("in", "k1", "poison pill")).get();
            }
            List<ConsumerRecord<byte[], byte[]>> dead = readAll(connection, "dlq", 1);
            assertThat(dead).hasSize(1);
            assertThat(dead.get(0).headers().lastHeader("__streams.errors.exception")).isNotNull();

            HttpResponse<String> metrics = get(server, "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
            assertThat(metrics.body())
                    .contains("newswatch_records_dead_lettered_total{service=\"upper\"} 1.0")
                    .contains("jvm_memory_used_bytes")
                    .contains("kafka_stream_thread_process_total")
                    .contains("kafka_producer_record_send_total")
                    .contains("kafka_consumer_fetch_manager_records_consumed_total");

            assertThat(http.send(HttpRequest.newBuilder(URI.create(server.localUrl() + "/readyz"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(405);
            assertThat(get(server, "/nothing-here").statusCode()).isEqualTo(404);

            runner.close();
            assertThat(get(server, "/readyz").statusCode()).isEqualTo(503);
        } finally {
            runner.close();
        }
    }

    private HttpResponse<String> get(HealthServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.localUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(KafkaConnection connection, String topic, int expected) {
        Map<String, Object> config = new java.util.HashMap<>(connection.clientConfig());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(Set.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
        }
        return records;
    }
}
