package io.newswatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newswatch.core.config.ClientProperties;
import io.newswatch.core.config.KafkaConnection;
import io.newswatch.core.serde.NewswatchSerdes;
import io.newswatch.core.streams.StreamsContext;
import io.newswatch.core.streams.StreamsRunner;
import io.newswatch.core.topics.TopicLayout;
import io.newswatch.core.topics.TopicProvisioner;
import io.newswatch.core.topics.Topics;
import io.newswatch.embedded.EmbeddedKafkaBroker;
import io.newswatch.enrich.CapitalisedPhraseEnricher;
import io.newswatch.enrich.EnrichCommand;
import io.newswatch.registry.server.InMemorySchemaStore;
import io.newswatch.registry.server.SchemaRegistryServer;
import io.newswatch.schemas.EnrichedArticle;
import io.newswatch.schemas.RawArticle;
import io.newswatch.testkit.TopicReader;

/**
 * A broker that requires SASL/SCRAM-SHA-512, and the enrich service configured for it only the way
 * a deployment does: a client properties file plus a secret in an environment variable.
 */
class SaslScramIntegrationTest {

    private static final String USER = "newswatch";
    private static final String PASSWORD = "s3cret-for-tests";

    @TempDir
    static Path dir;

    private static EmbeddedKafkaBroker broker;
    private static SchemaRegistryServer registry;

    @BeforeAll
    static void start() {
        broker = EmbeddedKafkaBroker.startWithScram(dir.resolve("kafka"), Map.of(USER, PASSWORD));
        registry = SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore());
    }

    @AfterAll
    static void stop() {
        registry.close();
        broker.close();
    }

    @Test
    void enrichRunsAgainstAScramSecuredCluster() throws Exception {
        KafkaConnection connection = connectionAs(PASSWORD);
        assertThat(connection.clientConfig()).containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsKey("sasl.jaas.config");
        Topics topics = new Topics("sasl.raw", "sasl.enriched", "sasl.alerts", "sasl.dlq");
        try (Admin admin = Admin.create(connection.clientConfig())) {
            new TopicProvisioner(admin, new TopicLayout(2, (short) 1)).ensure(topics.all());
        }
        try (NewswatchSerdes serdes = new NewswatchSerdes(connection.serdeConfig())) {
            StreamsRunner enrich = EnrichCommand.start(new StreamsContext(connection, topics, serdes, "sasl-enrich",
                    dir.resolve("streams"), 1), new CapitalisedPhraseEnricher(Clock.systemUTC()));
            try (enrich) {
                assertThat(enrich.awaitRunning(Duration.ofSeconds(60))).as("enrich RUNNING with SCRAM").isTrue();
                try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(connection.clientConfig(),
                        new StringSerializer(), serdes.rawArticle().serializer())) {
                    for (int i = 0; i < 3; i++) {
                        RawArticle article = Articles.numbered("sasl", i, "Officials in New Brunswick met Jane Doe today.");
                        producer.send(new ProducerRecord<>(topics.raw(), article.getId(), article)).get();
                    }
                }
                List<ConsumerRecord<String, EnrichedArticle>> enriched = TopicReader.read(connection, topics.enriched(),
                        new StringDeserializer(), serdes.enrichedArticle().deserializer(), 3, Duration.ofSeconds(60));
                assertThat(enriched).extracting(r -> r.value().getArticle().getId())
                        .containsExactlyInAnyOrder("sasl-0", "sasl-1", "sasl-2");
            }
        }
    }

    @Test
    void wrongCredentialsFailClearly() throws Exception {
        KafkaConnection connection = connectionAs("not-the-password");
        try (Admin admin = Admin.create(connection.clientConfig())) {
            assertThatThrownBy(() -> new TopicProvisioner(admin, new TopicLayout(1, (short) 1)).ensure(List.of("sasl.denied")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Authentication failed")
                    .hasRootCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    /** Non-secret settings from a properties file, the secret from the environment, as in a pod. */
    private static KafkaConnection connectionAs(String password) throws Exception {
        Path file = dir.resolve("client-" + password.hashCode() + ".properties");
        Files.writeString(file, "security.protocol=SASL_PLAINTEXT\nsasl.mechanism=SCRAM-SHA-512\n");
        Map<String, String> environment = Map.of("NEWSWATCH_KAFKA_SASL_JAAS_CONFIG",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + USER
                        + "\" password=\"" + password + "\";");
        return new KafkaConnection(broker.bootstrapServers(), registry.url(), ClientProperties.load(file, environment));
    }
}
