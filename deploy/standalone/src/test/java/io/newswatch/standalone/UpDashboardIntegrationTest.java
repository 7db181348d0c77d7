package io.newswatch.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code newswatch up} as a user runs it: the jar, the samples, then the dashboard's address from its
 * start-up output, and the samples' alerts from {@code /api/alerts} on the health port.
 */
class UpDashboardIntegrationTest {

    private static final Path JAR = Paths.get("target/newswatch.jar").toAbsolutePath();
    private static final Path SAMPLES = Paths.get("../../samples").toAbsolutePath().normalize();
    private static final Pattern DASHBOARD_URL = Pattern.compile("newswatch up: dashboard at (http://localhost:\\d+/)");

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesTheSamplesAlertsAndThePageOnTheHealthPort() throws Exception {
        Path log = dir.resolve("up.log");
        ProcessBuilder builder = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "up", "--data-dir", dir.resolve("data").toString(), "--input", SAMPLES.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("NEWSWATCH_"));
        builder.environment().put("NEWSWATCH_HEALTH_PORT", "0");
        Process up = builder.start();
        try {
            String url = awaitUrl(log, up);
            JsonNode alerts = awaitAlerts(url + "api/alerts", 2, log);
            assertThat(alerts).extracting(a -> a.get("watchlistId").asText())
                    .containsExactlyInAnyOrder("uk-terror", "encryption-policy");
            for (JsonNode a : alerts) {
                assertThat(a.get("storyId").asText()).isNotBlank();
                assertThat(a.get("title").asText()).startsWith("London attacker used WhatsApp");
                assertThat(a.get("evidence").size()).isPositive();
            }
            assertThat(alerts.get(0).get("storyId")).isEqualTo(alerts.get(1).get("storyId"));
            HttpResponse<String> page = get(url);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<title>Newswatch", "/assets/app.js");
            JsonNode watchlists = new ObjectMapper().readTree(get(url + "api/watchlists").body());
            assertThat(watchlists.get("watchlists")).extracting(w -> w.get("id").asText())
                    .contains("uk-terror", "encryption-policy");
            assertThat(get(url + "readyz").body()).contains("dashboard-feed");
        } finally {
            up.destroy();
            if (!up.waitFor(45, TimeUnit.SECONDS)) {
                up.destroyForcibly();
            }
        }
    }

    private static String awaitUrl(Path log, Process up) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline && up.isAlive()) {
            Matcher m = DASHBOARD_URL.matcher(Files.readString(log));
            if (m.find()) {
                return m.group(1);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no dashboard address in the output of up:\n" + Files.readString(log));
    }

    private JsonNode awaitAlerts(String url, int count, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        JsonNode alerts = null;
        while (System.nanoTime() < deadline) {
            alerts = new ObjectMapper().readTree(get(url).body()).get("alerts");
            if (alerts.size() >= count) {
                return alerts;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("only " + alerts + " from " + url + "; log:\n" + Files.readString(log));
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
