package io.newswatch.standalone.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;

import io.newswatch.alerts.AlertsCommand;
import io.newswatch.alerts.reload.WatchlistReloader;
import io.newswatch.core.ServiceLifecycle;
import io.newswatch.core.config.KafkaConnection;
import io.newswatch.core.serde.NewswatchSerdes;
import io.newswatch.core.streams.StreamsContext;
import io.newswatch.core.streams.StreamsRunner;
import io.newswatch.core.topics.TopicLayout;
import io.newswatch.core.topics.TopicProvisioner;
import io.newswatch.core.topics.Topics;
import io.newswatch.embedded.EmbeddedPlatform;
import io.newswatch.enrich.EnrichCommand;
import io.newswatch.enrich.EnricherFactory;
import io.newswatch.enrich.NlpEnricher;
import io.newswatch.ingest.ArticlePublisher;
import io.newswatch.standalone.PipelineDrain;

/**
 * The production pipeline as {@code newswatch up} runs it: embedded broker and registry, the real
 * topics, ingest's producer, enrich and alerts as separate Kafka Streams applications with
 * exactly-once; optionally several enrich instances sharing the raw topic's partitions.
 */
final class BenchPipeline implements AutoCloseable {

    static final String ENRICH_APP = "newswatch-enrich";
    static final String ALERTS_APP = "newswatch-alerts";

    final KafkaConnection connection;
    final Topics topics = Topics.defaults();
    final NewswatchSerdes serdes;
    final ArticlePublisher publisher;
    private final EmbeddedPlatform platform;
    private final List<AutoCloseable> parts = new ArrayList<>();
    private final List<StreamsRunner> enrich = new ArrayList<>();
    private StreamsRunner alerts;

    BenchPipeline(Path dataDir, int partitions, Map<String, String> kafkaProperties) {
        platform = EmbeddedPlatform.start(dataDir.resolve("platform"));
        parts.add(platform);
        try {
            connection = new KafkaConnection(platform.bootstrapServers(), platform.schemaRegistryUrl(), kafkaProperties);
            try (Admin admin = Admin.create(connection.clientConfig())) {
                new TopicProvisioner(admin, new TopicLayout(partitions, (short) 1)).ensure(topics.all());
                awaitLeaders(admin, topics.all());
            }
            serdes = new NewswatchSerdes(connection.serdeConfig());
            parts.add(serdes);
            publisher = new ArticlePublisher(connection, topics.raw(), serdes.rawArticle().serializer());
            parts.add(publisher);
        } catch (RuntimeException e) {
            // Nobody else can close what was started: the caller never gets this object.
            close();
            throw e;
        }
    }

    /** A produce to a partition whose leader is not elected yet fails; the first articles must not meet that. */
    private static void awaitLeaders(Admin admin, List<String> names) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try {
            while (System.nanoTime() < deadline) {
                boolean ready = admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS).values().stream()
                        .flatMap(d -> d.partitions().stream()).allMatch(p -> p.leader() != null && !p.leader().isEmpty());
                if (ready) {
                    return;
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
        } catch (Exception e) {
            throw new IllegalStateException("topics not ready: " + e.getMessage(), e);
        }
        throw new IllegalStateException("topics " + names + " have no leader after 60 s");
    }

    /** Starts {@code instances} enrich applications of {@code threads} stream threads each, and the alerts application. */
    void startStages(Path stateDir, WatchlistReloader matcher, int instances, int threads) throws InterruptedException {
        NlpEnricher enricher = EnricherFactory.standard(matcher.activeSet().watchlists(), Clock.systemUTC());
        for (int i = 0; i < instances; i++) {
            StreamsRunner runner = EnrichCommand.start(new StreamsContext(connection, topics, serdes, ENRICH_APP,
                    stateDir.resolve("enrich-" + i), threads), enricher);
            enrich.add(runner);
            parts.add(runner);
        }
        alerts = AlertsCommand.start(new StreamsContext(connection, topics, serdes, ALERTS_APP, stateDir.resolve("alerts"), 1),
                matcher, Clock.systemUTC());
        parts.add(alerts);
        for (StreamsRunner r : stages()) {
            if (!r.awaitRunning(Duration.ofMinutes(2))) {
                throw new IllegalStateException(r.name() + " did not start: " + r.state());
            }
        }
    }

    List<StreamsRunner> stages() {
        List<StreamsRunner> all = new ArrayList<>(enrich);
        if (alerts != null) {
            all.add(alerts);
        }
        return all;
    }

    /** Articles through enrich's language processing: what its producers sent to the story step's topic. */
    long languageDone() {
        return topicMetric(enrich, "producer-topic-metrics", "record-send-total",
                ENRICH_APP + "-" + io.newswatch.enrich.EnrichTopology.STORY_REPARTITION + "-repartition");
    }

    /**
     * Articles taken in by the alerts step that matches them, from its consumers' records of the
     * by-story topic (ahead of the matching by at most what one poll fetches).
     */
    long matchedArticles() {
        return topicMetric(alerts == null ? List.of() : List.of(alerts), "consumer-fetch-manager-metrics",
                "records-consumed-total", ALERTS_APP + "-by-story-repartition");
    }

    /** The sum of a per-topic client metric over the applications' clients (Kafka writes the topic with dots or underscores). */
    private static long topicMetric(List<StreamsRunner> runners, String group, String name, String topic) {
        double total = 0;
        for (StreamsRunner r : runners) {
            for (Map.Entry<MetricName, ? extends Metric> e : r.streams().metrics().entrySet()) {
                MetricName n = e.getKey();
                String t = n.tags().get("topic");
                if (n.name().equals(name) && n.group().equals(group) && t != null
                        && (t.equals(topic) || t.equals(topic.replace('.', '_')))) {
                    total += ((Number) e.getValue().metricValue()).doubleValue();
                }
            }
        }
        return (long) total;
    }

    /** Waits until enrich and alerts have committed everything on their input topics. */
    boolean awaitDrained(Duration timeout) throws InterruptedException {
        List<PipelineDrain.Stage> inOrder = new ArrayList<>();
        inOrder.add(new PipelineDrain.Stage(ENRICH_APP, enrich.get(0).inputTopics()));
        inOrder.add(new PipelineDrain.Stage(ALERTS_APP, alerts.inputTopics()));
        try (Admin admin = Admin.create(connection.clientConfig())) {
            return new PipelineDrain(admin).awaitDrained(inOrder, Duration.ofMillis(300), timeout);
        }
    }

    /** The last stable offsets of {@code topicNames}: what a read_committed reader can see. */
    Map<TopicPartition, Long> lastStableOffsets(List<String> topicNames) throws Exception {
        try (Admin admin = Admin.create(connection.clientConfig())) {
            return new PipelineDrain(admin).lastStableOffsets(topicNames);
        }
    }

    @Override
    public void close() {
        ServiceLifecycle.closeAll(parts);
    }
}
