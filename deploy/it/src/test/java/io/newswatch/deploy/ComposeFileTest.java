package io.newswatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.newswatch.watchlist.WatchlistFiles;

/**
 * The laptop cluster's compose file: validated offline by {@code docker-compose config} (skipped
 * when docker-compose is not installed), and its services checked against what the image expects.
 */
class ComposeFileTest {

    static final Path COMPOSE_DIR = Paths.get("../compose").toAbsolutePath().normalize();
    static final Path COMPOSE_FILE = COMPOSE_DIR.resolve("docker-compose.yaml");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path dir;

    @Test
    void dockerComposeAcceptsTheFile() throws Exception {
        assumeTrue(dockerComposeInstalled(), "docker-compose is not installed: "
                + "apt-get install -y --no-install-recommends docker-compose to validate the compose file");
        Result result = dockerCompose(COMPOSE_FILE, "config", "-q");
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void dockerComposeRejectsABrokenFile() throws Exception {
        assumeTrue(dockerComposeInstalled(), "docker-compose is not installed");
        Path broken = dir.resolve("docker-compose.yaml");
        Files.writeString(broken, Files.readString(COMPOSE_FILE).replace("command: [\"enrich\"]", "commands: [\"enrich\"]"));
        Result result = dockerCompose(broken, "config", "-q");
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("commands");
    }

    @Test
    void runsKafkaRegistryAndTheThreeServicesFromOneImage() throws Exception {
        JsonNode services = YAML.readTree(COMPOSE_FILE.toFile()).path("services");
        assertThat(services.path("kafka").path("image").asText()).startsWith("apache/kafka:");
        assertThat(services.path("kafka").path("environment").path("KAFKA_PROCESS_ROLES").asText())
                .isEqualTo("broker,controller");
        assertThat(services.path("schema-registry").path("image").asText()).startsWith("confluentinc/cp-schema-registry:");
        for (String service : List.of("ingest", "enrich", "alerts", "dashboard")) {
            JsonNode s = services.path(service);
            assertThat(s.path("command").get(0).asText()).isEqualTo(service);
            assertThat(s.path("image").asText()).isEqualTo("newswatch:local");
            assertThat(s.path("build").path("dockerfile").asText()).isEqualTo("deploy/docker/Dockerfile");
            assertThat(COMPOSE_DIR.resolve(s.path("build").path("context").asText()).resolve("deploy/docker/Dockerfile"))
                    .exists();
            assertThat(s.path("environment").path("NEWSWATCH_BOOTSTRAP_SERVERS").asText()).isEqualTo("kafka:9092");
            assertThat(s.path("environment").path("NEWSWATCH_SCHEMA_REGISTRY_URL").asText())
                    .isEqualTo("http://schema-registry:8081");
            assertThat(s.path("depends_on").path("kafka").path("condition").asText()).isEqualTo("service_healthy");
        }
    }

    @Test
    void theDashboardIsPublishedOnItsPortWithTheAlertsServicesWatchlists() throws Exception {
        JsonNode services = YAML.readTree(COMPOSE_FILE.toFile()).path("services");
        JsonNode dashboard = services.path("dashboard");
        assertThat(dashboard.path("ports").get(0).asText()).isEqualTo("8080:8080");
        assertThat(dashboard.path("environment").path("NEWSWATCH_WATCHLISTS").asText())
                .isEqualTo(services.path("alerts").path("environment").path("NEWSWATCH_WATCHLISTS").asText());
        assertThat(dashboard.path("volumes")).isEqualTo(services.path("alerts").path("volumes"));
    }

    @Test
    void theMountedWatchlistsAreValidAndMountedAsADirectory() throws Exception {
        JsonNode alerts = YAML.readTree(COMPOSE_FILE.toFile()).path("services").path("alerts");
        String file = alerts.path("environment").path("NEWSWATCH_WATCHLISTS").asText();
        String mount = null;
        for (JsonNode volume : alerts.path("volumes")) {
            String[] parts = volume.asText().split(":");
            if (file.startsWith(parts[1] + "/")) {
                mount = parts[0];
                assertThat(COMPOSE_DIR.resolve(parts[0])).isDirectory();
                Path local = COMPOSE_DIR.resolve(parts[0]).resolve(file.substring(parts[1].length() + 1));
                assertThat(WatchlistFiles.load(local).watchlists()).isNotEmpty();
            }
        }
        assertThat(mount).as("a volume holding " + file).isNotNull();
    }

    static boolean dockerComposeInstalled() {
        try {
            return dockerCompose(null, "version").exitCode() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    record Result(int exitCode, String output) {
    }

    static Result dockerCompose(Path file, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker-compose"));
        if (file != null) {
            command.addAll(List.of("-f", file.toString()));
        }
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(COMPOSE_DIR.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("docker-compose did not finish: " + command);
        }
        return new Result(process.exitValue(), output);
    }
}
