package io.newswatch.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.newswatch.core.topics.Topics;
import io.newswatch.embedded.EmbeddedPlatform;
import io.newswatch.testkit.TestPlatform;

/**
 * Starts the built jar exactly as the container image and the compose file start a service: the
 * Dockerfile's ENTRYPOINT and ENV, the compose service's command and environment. Only what points
 * at the surroundings changes: Kafka and registry addresses, the health port, the state directory,
 * topic names (to keep tests apart) and container paths (mapped through the compose volumes).
 */
class ContainerImageIntegrationTest {

    private static final Path REPO = Paths.get("../..").toAbsolutePath().normalize();
    private static final Path DOCKERFILE = REPO.resolve("deploy/docker/Dockerfile");
    private static final Path COMPOSE = REPO.resolve("deploy/compose/docker-compose.yaml");
    private static final Path JAR = Paths.get("target/newswatch.jar").toAbsolutePath();
    private static final String IMAGE_JAR = "/app/newswatch.jar";
    /** Variables that describe the surroundings rather than the service; the test sets them. */
    private static final Set<String> ENVIRONMENT_SPECIFIC = Set.of("NEWSWATCH_BOOTSTRAP_SERVERS",
            "NEWSWATCH_SCHEMA_REGISTRY_URL", "NEWSWATCH_HEALTH_PORT", "NEWSWATCH_STATE_DIR");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"enrich", "alerts", "dashboard"})
    void serviceStartsAsTheImageRunsItAndBecomesReady(String service) throws Exception {
        Dockerfile image = Dockerfile.parse(Files.readString(DOCKERFILE));
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(COMPOSE.toFile()).path("services").path(service);

        List<String> command = new ArrayList<>(image.entrypoint());
        compose.path("command").forEach(arg -> command.add(arg.asText()));
        assertThat(command).contains("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", IMAGE_JAR)
                .endsWith(service);
        command.replaceAll(arg -> arg.equals(IMAGE_JAR) ? JAR.toString() : arg);
        command.set(0, Paths.get(System.getProperty("java.home"), "bin", "java").toString());

        Map<String, String> env = new LinkedHashMap<>(image.env());
        compose.path("environment").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        assertThat(env).containsKeys("NEWSWATCH_BOOTSTRAP_SERVERS", "NEWSWATCH_HEALTH_PORT", "NEWSWATCH_STATE_DIR");
        env.replaceAll((name, value) -> hostPath(compose, value));

        EmbeddedPlatform platform = TestPlatform.get();
        int healthPort = freePort();
        env.put("NEWSWATCH_BOOTSTRAP_SERVERS", platform.bootstrapServers());
        env.put("NEWSWATCH_SCHEMA_REGISTRY_URL", platform.schemaRegistryUrl());
        env.put("NEWSWATCH_HEALTH_PORT", Integer.toString(healthPort));
        env.put("NEWSWATCH_STATE_DIR", dir.resolve("state").toString());
        Topics topics = TestPlatform.uniqueTopics("image-" + service);
        env.put("NEWSWATCH_TOPIC_RAW", topics.raw());
        env.put("NEWSWATCH_TOPIC_ENRICHED", topics.enriched());
        env.put("NEWSWATCH_TOPIC_ALERTS", topics.alerts());
        env.put("NEWSWATCH_TOPIC_DLQ", topics.deadLetter());
        env.put("NEWSWATCH_APPLICATION_ID", TestPlatform.uniqueName("image-" + service));

        Path log = dir.resolve(service + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("NEWSWATCH_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            String base = "http://127.0.0.1:" + healthPort;
            HttpResponse<String> ready = awaitReady(base + "/readyz", process, log, Duration.ofSeconds(120));
            assertThat(ready.statusCode()).as(() -> read(log)).isEqualTo(200);
            assertThat(ready.body()).contains("\"service\":\"" + service + "\"",
                    service.equals("dashboard") ? "alerts kept" : "RUNNING");
            if (service.equals("dashboard")) {
                assertThat(get(base + "/").body()).contains("<title>Newswatch");
                assertThat(get(base + "/api/alerts").body()).contains("\"alerts\":[]");
            }
            assertThat(get(base + "/healthz").statusCode()).isEqualTo(200);
            assertThat(get(base + "/metrics").body()).contains("jvm_memory_used_bytes",
                    service.equals("dashboard") ? "kafka_consumer_fetch_manager" : "kafka_stream_thread");

            // The image's HEALTHCHECK command, run the same way, sees the service healthy.
            List<String> check = new ArrayList<>(image.healthcheck());
            check.replaceAll(arg -> arg.equals(IMAGE_JAR) ? JAR.toString() : arg);
            check.set(0, command.get(0));
            ProcessBuilder checkBuilder = new ProcessBuilder(check).redirectErrorStream(true);
            checkBuilder.environment().putAll(env);
            Process checker = checkBuilder.start();
            String checkOutput = new String(checker.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(checker.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(checker.exitValue()).as(checkOutput).isZero();
        } finally {
            process.destroy(); // SIGTERM, as docker stop sends
            boolean exited = process.waitFor(45, TimeUnit.SECONDS);
            if (!exited) {
                process.destroyForcibly();
            }
            assertThat(exited).as("stops on SIGTERM").isTrue();
        }
        assertThat(read(log)).contains(service + ": shutting down");
    }

    /** A container path under a compose bind mount, translated to the folder it comes from. */
    private static String hostPath(JsonNode compose, String value) {
        for (JsonNode volume : compose.path("volumes")) {
            String[] parts = volume.asText().split(":");
            if (parts[0].startsWith(".") && value.startsWith(parts[1] + "/")) {
                return COMPOSE.getParent().resolve(parts[0]).normalize() + value.substring(parts[1].length());
            }
        }
        return value;
    }

    private HttpResponse<String> awaitReady(String url, Process process, Path log, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                last = get(url);
                if (last.statusCode() == 200) {
                    return last;
                }
            } catch (IOException notYetListening) {
                // starting
            }
            Thread.sleep(200);
        }
        if (last == null) {
            throw new AssertionError("no answer from " + url + "; process alive: " + process.isAlive() + "\n" + read(log));
        }
        return last;
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The parts of the final stage of a Dockerfile that decide how the container starts. */
    record Dockerfile(List<String> entrypoint, List<String> cmd, Map<String, String> env, List<String> healthcheck) {

        private static final Pattern ENV_PAIR = Pattern.compile("(\\w+)=(\"[^\"]*\"|\\S+)");
        private static final ObjectMapper JSON = new ObjectMapper();

        static Dockerfile parse(String text) throws IOException {
            String joined = text.replaceAll("\\\\\\r?\\n", " ");
            List<String> lines = joined.lines().map(String::strip).filter(l -> !l.startsWith("#")).toList();
            int lastFrom = 0;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith("FROM ")) {
                    lastFrom = i;
                }
            }
            List<String> entrypoint = List.of();
            List<String> cmd = List.of();
            List<String> healthcheck = List.of();
            Map<String, String> env = new LinkedHashMap<>();
            for (String line : lines.subList(lastFrom, lines.size())) {
                if (line.startsWith("ENTRYPOINT ")) {
                    entrypoint = execForm(line.substring("ENTRYPOINT ".length()));
                } else if (line.startsWith("CMD ")) {
                    cmd = execForm(line.substring("CMD ".length()));
                } else if (line.startsWith("HEALTHCHECK ")) {
                    healthcheck = execForm(line.substring(line.indexOf(" CMD ") + " CMD ".length()));
                } else if (line.startsWith("ENV ")) {
                    Matcher m = ENV_PAIR.matcher(line.substring("ENV ".length()));
                    while (m.find()) {
                        env.put(m.group(1), m.group(2).replaceAll("^\"|\"$", ""));
                    }
                }
            }
            return new Dockerfile(entrypoint, cmd, env, healthcheck);
        }

        /** Exec form only: a shell form would put a shell between the container and the JVM. */
        private static List<String> execForm(String json) throws IOException {
            String trimmed = json.strip();
            if (!trimmed.startsWith("[")) {
                throw new AssertionError("not exec form: " + json);
            }
            List<String> args = new ArrayList<>();
            JSON.readTree(trimmed).forEach(n -> args.add(n.asText()));
            return args;
        }
    }
}
