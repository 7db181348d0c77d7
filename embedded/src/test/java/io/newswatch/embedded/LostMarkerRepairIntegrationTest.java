package io.newswatch.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repair on a real broker: transactions in progress are never touched, and lost ones are ended. */
class LostMarkerRepairIntegrationTest {

    @TempDir
    Path dataDir;

    @Test
    void aTransactionInProgressIsLeftOpenAcrossChecksAndCommitsNormally() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir);
                LostMarkerRepair repair = LostMarkerRepair.start(broker.bootstrapServers(), Duration.ofHours(1))) {
            createTopic(broker, "t");
            try (KafkaProducer<String, String> producer = transactional(broker, "tx-in-progress")) {
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("t", "k", "pending")).get();
                for (int i = 0; i < 3; i++) {
                    assertThat(repair.checkOnce(System.currentTimeMillis())).isEmpty();
                }
                producer.commitTransaction();
            }
            assertThat(readCommitted(broker, "t", 1, Duration.ofSeconds(20))).containsExactly("pending");
            assertThat(repair.checkOnce(System.currentTimeMillis())).isEmpty();
        }
    }

    @Test
    void aTransactionLeftOpenOnAPartitionAfterItsCoordinatorEndedItIsAbortedAndReadersGoOn() throws Exception {
        // With verification off, the partition leader takes a transactional batch the coordinator was never
        // told of: the coordinator has the producer's transactions ended while the partition holds one open,
        // the state a lost end marker leaves.
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir,
                Map.of("transaction.partition.verification.enable", "false"));
                LostMarkerRepair repair = LostMarkerRepair.start(broker.bootstrapServers(), Duration.ofHours(1));
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            createTopic(broker, "t");
            try (KafkaProducer<String, String> producer = transactional(broker, "tx-lost-marker")) {
                producer.initTransactions();
            }
            TransactionDescription ended = admin.describeTransactions(List.of("tx-lost-marker")).all().get().get("tx-lost-marker");
            assertThat(ended.state()).isEqualTo(TransactionState.EMPTY);
            RawProduce.transactionalBatch(broker.port(), "tx-lost-marker", "t", ended.producerId(),
                    (short) ended.producerEpoch(), "in-the-stuck-transaction");
            try (KafkaProducer<String, String> plain = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
                plain.send(new ProducerRecord<>("t", "k", "after")).get();
            }
            assertThat(readCommitted(broker, "t", 1, Duration.ofSeconds(3))).as("the open transaction holds readers back").isEmpty();

            List<LostMarkerRepair.OpenTransaction> first = repair.checkOnce(System.currentTimeMillis());
            assertThat(first).as("suspected on the first check, aborted only on the second").isEmpty();
            List<LostMarkerRepair.OpenTransaction> second = repair.checkOnce(System.currentTimeMillis());
            assertThat(second).singleElement().extracting(LostMarkerRepair.OpenTransaction::partition)
                    .isEqualTo(new TopicPartition("t", 0));
            // The stuck transaction's record is aborted; the record after it becomes readable.
            assertThat(readCommitted(broker, "t", 1, Duration.ofSeconds(20))).containsExactly("after");
            assertThat(repair.checkOnce(System.currentTimeMillis())).isEmpty();
        }
    }

    private static void createTopic(EmbeddedKafkaBroker broker, String name) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, 1, (short) 1))).all().get();
        }
    }

    private static KafkaProducer<String, String> transactional(EmbeddedKafkaBroker broker, String id) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, id), new StringSerializer(), new StringSerializer());
    }

    private static List<String> readCommitted(EmbeddedKafkaBroker broker, String topic, int atLeast, Duration timeout) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(Set.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (values.size() < atLeast && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }
            // A little longer, so that anything that should not be there shows up.
            consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
        }
        return values;
    }
}
