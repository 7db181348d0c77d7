package io.newswatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.newswatch.alerts.AlertsCommand;
import io.newswatch.alerts.match.WatchlistMatcher;
import io.newswatch.core.ServiceLifecycle;
import io.newswatch.core.config.KafkaConnection;
import io.newswatch.core.serde.NewswatchSerdes;
import io.newswatch.core.streams.StreamsContext;
import io.newswatch.core.streams.StreamsRunner;
import io.newswatch.core.topics.Topics;
import io.newswatch.enrich.CapitalisedPhraseEnricher;
import io.newswatch.enrich.EnrichCommand;
import io.newswatch.schemas.Alert;
import io.newswatch.schemas.AlertKind;
import io.newswatch.schemas.RawArticle;
import io.newswatch.schemas.Severity;
import io.newswatch.testkit.TestPlatform;
import io.newswatch.testkit.TopicReader;

/**
 * The alert topic read by clients nobody here wrote, from Debian's packages: librdkafka through
 * python3-confluent-kafka with Apache Avro (python3-avro) decoding each value through our registry,
 * and kcat for metadata, keys and headers. The alerts are the real output of the enrich and alerts
 * services (transactional, exactly-once), plus one aborted transaction a committed reader must not see.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThirdPartyClientsIntegrationTest {

    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final Path KCAT = Path.of("/usr/bin/kcat");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ARTICLES = 3;

    private Path dir;

    private final KafkaConnection connection = TestPlatform.connection();
    private final Topics topics = TestPlatform.uniqueTopics("interop");
    private final String teamTopic = TestPlatform.uniqueName("interop-team-zebras");
    private final List<AutoCloseable> parts = new ArrayList<>();
    private final List<String> titles = new ArrayList<>();

    @BeforeAll
    void produceAlerts() throws Exception {
        dir = Files.createTempDirectory("newswatch-interop");
        TestPlatform.createTopics(2, topics.all());
        TestPlatform.createTopics(1, List.of(teamTopic));
        Path watchlists = dir.resolve("watchlists.yaml");
        Files.writeString(watchlists, """
                watchlists:
                  - id: zebras
                    name: Zebra sightings
                    severity: high
                    topic: %s
                    match:
                      any:
                        - term: zebra
                """.formatted(teamTopic));
        WatchlistMatcher matcher = AlertsCommand.matcherFor(watchlists);
        NewswatchSerdes serdes = new NewswatchSerdes(connection.serdeConfig());
        parts.add(serdes);
        StreamsRunner enrich = EnrichCommand.start(new StreamsContext(connection, topics, serdes,
                TestPlatform.uniqueName("interop-enrich"), dir.resolve("enrich"), 1), new CapitalisedPhraseEnricher(Clock.systemUTC()));
        parts.add(enrich);
        StreamsRunner alerts = AlertsCommand.start(new StreamsContext(connection, topics, serdes,
                TestPlatform.uniqueName("interop-alerts"), dir.resolve("alerts"), 1), () -> matcher, Clock.systemUTC());
        parts.add(alerts);

        try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(connection.clientConfig(),
                new StringSerializer(), serdes.rawArticle().serializer())) {
            String[] texts = {"A zebra crossed the motorway near Leeds on Tuesday morning.",
                    "Keepers found the missing zebra grazing in a school playing field.",
                    "The zoo said its oldest zebra had turned thirty, a record for the species."};
            for (int i = 0; i < ARTICLES; i++) {
                RawArticle a = Articles.numbered("interop", i, texts[i]);
                titles.add(a.getTitle());
                producer.send(new ProducerRecord<>(topics.raw(), a.getId(), a)).get();
            }
        }
        assertThat(TopicReader.read(connection, topics.alerts(), new StringDeserializer(), serdes.alert().deserializer(),
                ARTICLES, Duration.ofSeconds(120))).hasSize(ARTICLES);

        // An aborted transaction: a read_committed consumer never sees this record.
        Map<String, Object> config = new HashMap<>(connection.clientConfig());
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, TestPlatform.uniqueName("interop-aborted"));
        try (KafkaProducer<String, Alert> producer = new KafkaProducer<>(config, new StringSerializer(),
                serdes.alert().serializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topics.alerts(), "zebras", aborted())).get();
            producer.flush();
            producer.abortTransaction();
        }
    }

    private static Alert aborted() {
        return Alert.newBuilder().setId("aborted").setWatchlistId("zebras").setWatchlistName("Zebra sightings")
                .setSeverity(Severity.HIGH).setKind(AlertKind.NEW).setScore(1).setArticleId("x").setStoryId("x")
                .setTitle("ABORTED, never committed").setSourceName("nowhere").setEvidence(List.of())
                .setAlertedAt(Instant.now()).build();
    }

    @AfterAll
    void stop() {
        ServiceLifecycle.closeAll(parts);
    }

    @Test
    void librdkafkaAndApacheAvroDecodeTheCommittedAlertsThroughOurRegistry() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(PYTHON) && run(List.of(PYTHON.toString(), "-c",
                "import confluent_kafka, avro"), 30).exitCode == 0,
                "/usr/bin/python3 with confluent_kafka and avro not found: install the Debian packages "
                        + "python3-confluent-kafka and python3-avro (.ci/run does) to run this test");
        Path script = dir.resolve("read_alerts.py");
        try (InputStream in = getClass().getResourceAsStream("/interop/read_alerts.py")) {
            Files.write(script, in.readAllBytes());
        }
        Result result = run(List.of(PYTHON.toString(), script.toString(), connection.bootstrapServers(),
                connection.schemaRegistryUrl(), topics.alerts(), TestPlatform.uniqueName("interop-python"),
                String.valueOf(ARTICLES), "3"), 150);
        assertThat(result.exitCode).as(result.output).isZero();

        List<JsonNode> records = new ArrayList<>();
        for (String line : result.stdout.split("\n")) {
            if (!line.isBlank()) {
                records.add(JSON.readTree(line));
            }
        }
        assertThat(records).as(result.output).hasSize(ARTICLES);
        List<String> seenTitles = new ArrayList<>();
        for (JsonNode r : records) {
            assertThat(r.get("key").asText()).isEqualTo("zebras");
            assertThat(r.get("schemaId").asInt()).isPositive();
            assertThat(r.get("headers").get("newswatch.route").asText()).isEqualTo(teamTopic);
            JsonNode alert = r.get("alert");
            assertThat(alert.get("watchlistId").asText()).isEqualTo("zebras");
            assertThat(alert.get("watchlistName").asText()).isEqualTo("Zebra sightings");
            assertThat(alert.get("severity").asText()).isEqualTo("HIGH");
            assertThat(alert.get("kind").asText()).isEqualTo("NEW");
            assertThat(alert.get("storyId").asText()).isNotBlank();
            assertThat(alert.get("sourceName").asText()).isEqualTo("Example News");
            assertThat(alert.get("url").asText()).startsWith("https://news.example/interop-");
            JsonNode evidence = alert.get("evidence").get(0);
            assertThat(evidence.get("matched").asText()).isEqualToIgnoringCase("zebra");
            assertThat(evidence.get("field").asText()).isEqualTo("TEXT");
            assertThat(evidence.get("snippet").asText()).containsIgnoringCase("zebra");
            assertThat(alert.get("alertedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d.*");
            seenTitles.add(alert.get("title").asText());
        }
        assertThat(seenTitles).containsExactlyInAnyOrderElementsOf(titles).doesNotContain("ABORTED, never committed");
    }

    @Test
    void kcatListsTheTopicAndReadsKeysAndHeaders() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(KCAT),
                "kcat not found: install the Debian package kcat (.ci/run does) to run this test");
        Result metadata = run(List.of(KCAT.toString(), "-b", connection.bootstrapServers(), "-L", "-J", "-t", topics.alerts()), 60);
        assertThat(metadata.exitCode).as(metadata.output).isZero();
        JsonNode topic = JSON.readTree(metadata.stdout).get("topics").get(0);
        assertThat(topic.get("topic").asText()).isEqualTo(topics.alerts());
        assertThat(topic.get("partitions")).hasSize(2);

        Result read = run(List.of(KCAT.toString(), "-b", connection.bootstrapServers(), "-C", "-t", topics.alerts(),
                "-o", "beginning", "-e", "-q", "-X", "isolation.level=read_committed",
                "-f", "%k\\t%h\\t%S\\n"), 60);
        assertThat(read.exitCode).as(read.output).isZero();
        List<String> lines = read.stdout.lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).as(read.output).hasSize(ARTICLES);
        for (String line : lines) {
            String[] fields = line.split("\t");
            assertThat(fields[0]).isEqualTo("zebras");
            assertThat(fields[1]).isEqualTo("newswatch.route=" + teamTopic);
            assertThat(Integer.parseInt(fields[2])).isGreaterThan(100); // the Avro body, read as raw bytes
        }
    }

    private record Result(int exitCode, String stdout, String output) {
    }

    private Result run(List<String> command, int seconds) throws IOException, InterruptedException {
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish within " + seconds + " s");
        }
        String stdout = new String(out, StandardCharsets.UTF_8);
        return new Result(p.exitValue(), stdout, "stdout:\n" + stdout + "\nstderr:\n" + Files.readString(err));
    }
}
