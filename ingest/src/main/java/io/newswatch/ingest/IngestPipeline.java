package io.newswatch.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;

import io.newswatch.core.ServiceLifecycle;
import io.newswatch.core.config.KafkaConnection;
import io.newswatch.core.health.Health;
import io.newswatch.core.health.HealthIndicator;
import io.newswatch.core.serde.NewswatchSerdes;
import io.newswatch.core.topics.TopicLayout;
import io.newswatch.core.topics.TopicProvisioner;
import io.newswatch.core.topics.Topics;
import io.newswatch.ingest.dedup.SeenArticles;

/** The Kafka side of ingest, shared by its commands: topics, serdes, producer, dedup state, intake. */
public final class IngestPipeline implements AutoCloseable, HealthIndicator {

    private final List<AutoCloseable> parts = new ArrayList<>();
    private final ArticleIntake intake;
    private final ArticlePublisher publisher;

    private IngestPipeline(KafkaConnection connection, Topics topics, SeenArticles seen, Map<String, Object> producerOverrides) {
        NewswatchSerdes serdes = new NewswatchSerdes(connection.serdeConfig());
        parts.add(serdes);
        // Closed last-first: the producer flushes (and acknowledged articles are remembered) before the state closes.
        parts.add(seen);
        publisher = new ArticlePublisher(connection, topics.raw(), serdes.rawArticle().serializer(),
                producerOverrides);
        parts.add(publisher);
        intake = new ArticleIntake(publisher, seen);
        parts.add(intake);
    }

    /** Creates the raw and dead-letter topics if missing, then opens producer and state. */
    public static IngestPipeline open(KafkaConnection connection, Topics topics, TopicLayout layout, SeenArticles seen,
            Map<String, Object> producerOverrides) {
        try (Admin admin = Admin.create(connection.clientConfig())) {
            new TopicProvisioner(admin, layout).ensure(List.of(topics.raw(), topics.deadLetter()));
        }
        return new IngestPipeline(connection, topics, seen, producerOverrides);
    }

    /** Opens producer and state only; the topics must exist (e.g. created while Kafka was reachable). */
    public static IngestPipeline withoutProvisioning(KafkaConnection connection, Topics topics, SeenArticles seen,
            Map<String, Object> producerOverrides) {
        return new IngestPipeline(connection, topics, seen, producerOverrides);
    }

    public ArticleIntake intake() {
        return intake;
    }

    /** Ingest is ready while Kafka accepts its articles. */
    @Override
    public String healthName() {
        return publisher.healthName();
    }

    @Override
    public Health health() {
        return publisher.health();
    }

    @Override
    public void close() {
        ServiceLifecycle.closeAll(parts);
    }
}
