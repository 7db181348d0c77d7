package io.newswatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

import io.newswatch.core.config.KafkaConnection;
import io.newswatch.core.serde.NewswatchSerdes;
import io.newswatch.schemas.Origin;
import io.newswatch.schemas.RawArticle;
import io.newswatch.schemas.Source;
import io.newswatch.testkit.TestPlatform;

/** The producer's readiness follows whether Kafka accepts articles. */
class ArticlePublisherHealthIntegrationTest {

    @Test
    void readyWhileKafkaAcceptsArticles() throws Exception {
        KafkaConnection connection = TestPlatform.connection();
        String topic = TestPlatform.uniqueName("publisher-health");
        TestPlatform.createTopics(1, List.of(topic));
        try (NewswatchSerdes serdes = new NewswatchSerdes(connection.serdeConfig());
             ArticlePublisher publisher = new ArticlePublisher(connection, topic, serdes.rawArticle().serializer())) {
            publisher.publish(article()).get();
            assertThat(publisher.health().ready()).isTrue();
        }
    }

    @Test
    void notReadyButAliveWhenKafkaIsUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        KafkaConnection nowhere = new KafkaConnection("localhost:" + closedPort, TestPlatform.connection().schemaRegistryUrl());
        try (NewswatchSerdes serdes = new NewswatchSerdes(nowhere.serdeConfig());
             ArticlePublisher publisher = new ArticlePublisher(nowhere, "unreachable", serdes.rawArticle().serializer(),
                     Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 500))) {
            assertThatThrownBy(() -> publisher.publish(article()).get()).hasMessageContaining("unreachable");
            assertThat(publisher.health().alive()).isTrue();
            assertThat(publisher.health().ready()).isFalse();
            assertThat(publisher.health().detail()).contains("failed");
        }
    }

    private static RawArticle article() {
        return RawArticle.newBuilder().setId("a1").setSource(new Source("test", null, null, List.of()))
                .setOrigin(Origin.PUSH).setTitle("t").setText("x").setFetchedAt(Instant.now()).setContentHash("h").build();
    }
}
