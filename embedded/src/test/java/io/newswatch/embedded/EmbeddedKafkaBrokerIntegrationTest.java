package io.newswatch.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerIntegrationTest {

    @TempDir
    Path dataDir;

    @Test
    void keepsTopicsAndRecordsAcrossARestart() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir)) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("t", 2, (short) 1))).all().get();
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("t", "k1", "first")).get();
                producer.send(new ProducerRecord<>("t", "k2", "second")).get();
            }
        }
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir)) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                assertThat(admin.listTopics().names().get()).contains("t");
            }
            assertThat(readAll(broker.bootstrapServers(), "t", 2)).containsExactlyInAnyOrder("first", "second");
        }
    }

    @Test
    void aFirstStartWhosePortWasTakenMeanwhileStartsOnOtherPorts() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            AtomicInteger proposals = new AtomicInteger();
            // The first port proposed is busy by the time Kafka binds it, as when another process takes it in between.
            try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, Map.of(), Map.of(), () -> {
                if (proposals.getAndIncrement() == 0) {
                    return taken.getLocalPort();
                }
                try (ServerSocket free = new ServerSocket(0)) {
                    return free.getLocalPort();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            })) {
                assertThat(proposals.get()).as("ports proposed").isGreaterThanOrEqualTo(4);
                assertThat(broker.port()).isNotEqualTo(taken.getLocalPort());
                try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                    admin.createTopics(List.of(new NewTopic("after-retry", 1, (short) 1))).all().get();
                    assertThat(admin.listTopics().names().get()).contains("after-retry");
                }
            }
        }
    }

    private static List<String> readAll(String bootstrap, String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(Set.of(topic));
            long deadline = System.currentTimeMillis() + 30_000;
            while (values.size() < expected && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
            }
        }
        return values;
    }
}
