package io.newswatch.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import java.util.concurrent.atomic.AtomicInteger;

import io.newswatch.core.config.KafkaConnection;
import io.newswatch.core.topics.TopicLayout;
import io.newswatch.core.topics.TopicProvisioner;
import io.newswatch.core.topics.Topics;
import io.newswatch.embedded.EmbeddedPlatform;

/**
 * One real Kafka broker and schema registry shared by all integration tests of a JVM (starting a
 * broker costs seconds; tests stay independent by using their own topic names and application ids).
 */
public final class TestPlatform {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static EmbeddedPlatform platform;

    private TestPlatform() {
    }

    public static synchronized EmbeddedPlatform get() {
        if (platform == null) {
            try {
                Path dir = Files.createTempDirectory("newswatch-test-platform");
                platform = EmbeddedPlatform.start(dir);
                EmbeddedPlatform started = platform;
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "test-platform-shutdown"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return platform;
    }

    public static KafkaConnection connection() {
        EmbeddedPlatform p = get();
        return new KafkaConnection(p.bootstrapServers(), p.schemaRegistryUrl(), Map.of());
    }

    /** Fresh topic names so that tests sharing the broker do not see each other's records. */
    public static Topics uniqueTopics(String prefix) {
        String p = prefix + "-" + SEQUENCE.incrementAndGet() + ".";
        return new Topics(p + "raw", p + "enriched", p + "alerts", p + "dlq");
    }

    /** Creates {@code topics} on the shared broker, each with {@code partitions} partitions. */
    public static void createTopics(int partitions, Collection<String> topics) {
        try (Admin admin = Admin.create(connection().clientConfig())) {
            new TopicProvisioner(admin, new TopicLayout(partitions, (short) 1)).ensure(topics);
        }
    }

    public static String uniqueName(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet();
    }
}
