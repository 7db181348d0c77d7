package io.newswatch.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.newswatch.core.config.KafkaConnection;
import io.newswatch.embedded.EmbeddedPlatform;
import io.newswatch.testkit.HostileInputs;
import io.newswatch.testkit.TopicReader;
import picocli.CommandLine;

/** The embedded default end to end: samples in, alerts out, and a restart that repeats nothing. */
class UpCommandIntegrationTest {

    private static final Path SAMPLES = Paths.get("../../samples").toAbsolutePath().normalize();

    @TempDir
    Path dataDir;

    @Test
    void alertsOnTheSamplesAndDoesNotRepeatThemAfterARestart() throws Exception {
        Run first = up();
        assertThat(first.exitCode).as(first.err).isZero();
        List<JsonNode> alerts = first.jsonLines();
        assertThat(alerts).isNotEmpty();
        for (JsonNode alert : alerts) {
            assertThat(alert.fieldNames()).toIterable()
                    .contains("watchlistId", "title", "url", "articleId", "storyId", "matches");
            assertThat(alert.get("matches").size()).isPositive();
        }
        assertThat(alerts).extracting(a -> a.get("watchlistId").asText()).contains("uk-terror", "encryption-policy");
        String registryLog = Files.readString(dataDir.resolve("registry/schemas.jsonl"));

        Run second = up();
        assertThat(second.exitCode).as(second.err).isZero();
        assertThat(second.out).isBlank();
        // Same schemas, same ids: nothing new was registered on the second run; same registry URL.
        assertThat(Files.readString(dataDir.resolve("registry/schemas.jsonl"))).isEqualTo(registryLog);
        assertThat(registryUrl(second.err)).isEqualTo(registryUrl(first.err)).startsWith("http://127.0.0.1:");
    }

    @Test
    void aBadFileAmongGoodOnesIsReportedByNameAndARestartDoesNotFailOnIt() throws Exception {
        Path input = dataDir.resolve("input");
        Files.createDirectories(input);
        try (var samples = Files.list(SAMPLES)) {
            for (Path sample : samples.toList()) {
                Files.copy(sample, input.resolve(sample.getFileName()));
            }
        }
        HostileInputs.copy("invalid-utf8.json", input);
        HostileInputs.copy("binary.txt", input);

        Run first = up(input);
        assertThat(first.exitCode).as(first.err).isEqualTo(3);
        assertThat(first.jsonLines()).extracting(a -> a.get("watchlistId").asText()).contains("uk-terror", "encryption-policy");
        assertThat(first.err).contains("rejected " + input.resolve("invalid-utf8.json") + ": not valid UTF-8")
                .contains("rejected " + input.resolve("binary.txt") + ": binary content").contains("2 dropped");
        assertThat(input.resolve("rejected/invalid-utf8.json")).exists();

        Run second = up(input);
        assertThat(second.exitCode).as(second.err).isZero();
        assertThat(second.out).isBlank();
        assertThat(second.err).contains("0 dropped").doesNotContain("rejected /");
    }

    @Test
    void aWatchlistWithItsOwnTopicGetsThatTopicCreatedAndItsAlertsWrittenThere() throws Exception {
        Path watchlists = Files.writeString(dataDir.resolve("team.yaml"), """
                watchlists:
                  - id: team-westminster
                    topic: alerts.team-westminster
                    match:
                      any:
                        - phrase: "Westminster Bridge"
                """);
        Path data = dataDir.resolve("data");
        Run run = up(SAMPLES, data, "--watchlists", watchlists.toString());
        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.jsonLines()).extracting(a -> a.get("watchlistId").asText()).contains("team-westminster");

        try (EmbeddedPlatform platform = EmbeddedPlatform.start(data)) {
            KafkaConnection connection = new KafkaConnection(platform.bootstrapServers(), platform.schemaRegistryUrl());
            List<ConsumerRecord<String, byte[]>> team = TopicReader.read(connection, "alerts.team-westminster",
                    new StringDeserializer(), new ByteArrayDeserializer(), 1, Duration.ofSeconds(20));
            assertThat(team).extracting(ConsumerRecord::key).contains("team-westminster");
        }
    }

    private static String registryUrl(String log) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("schema registry at (\\S+),").matcher(log);
        assertThat(m.find()).as("registry URL in: %s", log).isTrue();
        return m.group(1);
    }

    private Run up() {
        return up(SAMPLES);
    }

    private Run up(Path input) {
        return up(input, dataDir);
    }

    private static Run up(Path input, Path data, String... more) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = Newswatch.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        List<String> args = new java.util.ArrayList<>(List.of("up", "--once", "--json", "--data-dir", data.toString(),
                "--input", input.toString(), "--timeout", "2m"));
        args.addAll(List.of(more));
        int code = cmd.execute(args.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    private record Run(int exitCode, String out, String err) {
        List<JsonNode> jsonLines() throws Exception {
            ObjectMapper json = new ObjectMapper();
            return out.lines().filter(l -> !l.isBlank()).map(l -> {
                try {
                    return json.readTree(l);
                } catch (Exception e) {
                    throw new AssertionError("not JSON: " + l, e);
                }
            }).toList();
        }
    }
}
