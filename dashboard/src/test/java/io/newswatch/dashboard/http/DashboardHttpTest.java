package io.newswatch.dashboard.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.newswatch.alerts.reload.WatchlistReloader;
import io.newswatch.core.health.HealthServer;
import io.newswatch.core.metrics.Telemetry;
import io.newswatch.dashboard.TestAlerts;
import io.newswatch.dashboard.sse.AlertStream;
import io.newswatch.dashboard.store.AlertStore;
import io.newswatch.dashboard.watchlists.WatchlistCatalog;
import io.newswatch.schemas.Alert;
import io.newswatch.schemas.Severity;

/** The dashboard's HTTP side on a real server on loopback, next to the health endpoints. */
class DashboardHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The last moment of an hour: a handler clock that moved on would put these alerts outside the timeline's last hour. */
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.HOURS).minusMillis(1);
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final AlertStore store = new AlertStore(100);
    private AlertStream stream;
    private HealthServer server;
    private WatchlistReloader reloader;

    private String start(Access access) throws Exception {
        Path file = dir.resolve("lists.yaml");
        Files.writeString(file, "watchlists:\n  - { id: bridges, name: Bridges, match: { any: [ { term: bridge } ] } }\n");
        reloader = WatchlistReloader.start(file, Clock.systemUTC(), null, c -> { });
        stream = new AlertStream(store, s -> DashboardJson.alert(s).toString(), Duration.ofMillis(200));
        server = HealthServer.start("test", "127.0.0.1", 0, List::of, Telemetry.prometheus());
        server.mount(new DashboardHandler(store, stream, WatchlistCatalog.of(reloader), access, CLOCK));
        return server.localUrl();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (stream != null) {
            stream.close();
        }
        if (reloader != null) {
            reloader.close();
        }
    }

    private static Alert alert(String article, String title) {
        return TestAlerts.alert("bridges", Severity.HIGH, "story-1", article, title, "Example News",
                List.of("politics"), "The bridge was closed on Monday.", "bridge", NOW);
    }

    private HttpResponse<String> get(String url, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void listsAlertsAsJsonWithTheirEvidenceAndFilters() throws Exception {
        String base = start(Access.open());
        store.add(alert("a1", "<script>alert(1)</script> Bridge closed"), 0, 7);
        store.add(TestAlerts.alert("other", Severity.LOW, "story-2", "a2", "Markets calm", "Wire", List.of(), "Markets were calm.",
                "calm", NOW), 0, 8);

        HttpResponse<String> all = get(base + "/api/alerts");
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(all.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        JsonNode body = JSON.readTree(all.body());
        assertThat(body.get("alerts")).hasSize(2);
        assertThat(body.get("matched").asInt()).isEqualTo(2);

        JsonNode high = JSON.readTree(get(base + "/api/alerts?watchlist=bridges&severity=high&limit=5").body()).get("alerts");
        assertThat(high).hasSize(1);
        JsonNode a = high.get(0);
        assertThat(a.get("title").asText()).isEqualTo("<script>alert(1)</script> Bridge closed");
        assertThat(a.get("watchlistId").asText()).isEqualTo("bridges");
        assertThat(a.get("storyId").asText()).isEqualTo("story-1");
        assertThat(a.get("topics").get(0).asText()).isEqualTo("politics");
        assertThat(a.get("evidence").get(0).get("matched").asText()).isEqualTo("bridge");
        assertThat(a.get("evidence").get(0).get("snippet").asText()).isEqualTo("The bridge was closed on Monday.");
        assertThat(a.get("offset").asLong()).isEqualTo(7);

        HttpResponse<String> bad = get(base + "/api/alerts?severity=urgent");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).get("error").asText()).contains("severity").contains("urgent");
        assertThat(get(base + "/api/alerts?limit=0").statusCode()).isEqualTo(400);

        JsonNode facets = JSON.readTree(get(base + "/api/facets").body());
        assertThat(facets.get("sources").toString()).isEqualTo("[\"Example News\",\"Wire\"]");
        assertThat(facets.get("watchlists").toString()).isEqualTo("[\"bridges\",\"other\"]");
    }

    @Test
    void servesThePageAndOnlyItsOwnAssetsReadOnly() throws Exception {
        String base = start(Access.open());
        HttpResponse<String> page = get(base + "/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'");
        assertThat(page.body()).contains("/assets/app.js").doesNotContain("http://").doesNotContain("https://");
        assertThat(get(base + "/watchlists").body()).isEqualTo(page.body());
        assertThat(get(base + "/assets/app.js").headers().firstValue("Content-Type")).contains("text/javascript; charset=utf-8");
        assertThat(get(base + "/assets/app.css").statusCode()).isEqualTo(200);
        assertThat(get(base + "/assets/../io/newswatch/dashboard/assets/app.js").statusCode()).isEqualTo(404);
        assertThat(get(base + "/assets/logback.xml").statusCode()).isEqualTo(404);
        assertThat(get(base + "/nothing").statusCode()).isEqualTo(404);
        // The health endpoints still answer on the same port.
        assertThat(get(base + "/healthz").statusCode()).isEqualTo(200);
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(base + "/api/alerts"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
    }

    @Test
    void aTokenProtectsPageAndApiButNotTheProbes() throws Exception {
        String base = start(Access.token("s3cret"));
        HttpResponse<String> denied = get(base + "/api/alerts");
        assertThat(denied.statusCode()).isEqualTo(401);
        assertThat(denied.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Basic realm=");
        assertThat(get(base + "/", "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
        assertThat(get(base + "/api/alerts", "Authorization", "Bearer s3cret").statusCode()).isEqualTo(200);
        String basic = Base64.getEncoder().encodeToString("analyst:s3cret".getBytes(StandardCharsets.UTF_8));
        assertThat(get(base + "/", "Authorization", "Basic " + basic).statusCode()).isEqualTo(200);
        String wrongBasic = Base64.getEncoder().encodeToString("analyst:guess".getBytes(StandardCharsets.UTF_8));
        assertThat(get(base + "/", "Authorization", "Basic " + wrongBasic).statusCode()).isEqualTo(401);
        assertThat(get(base + "/readyz").statusCode()).isEqualTo(200);
    }

    @Test
    void streamsNewAlertsThatPassTheFilterAndReplaysWhatAReconnectingClientMissed() throws Exception {
        String base = start(Access.open());
        store.add(alert("a1", "First"), 0, 0);
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(
                URI.create(base + "/api/alerts/stream?watchlist=bridges")).header("Last-Event-ID", "0").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.headers().firstValue("Content-Type")).contains("text/event-stream; charset=utf-8");
        BufferedReader events = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
        assertThat(nextData(events)).contains("\"title\":\"First\"");

        store.add(TestAlerts.alert("other", Severity.LOW, "s", "x", "Filtered out", "Wire", List.of(), "No.", "No", NOW), 0, 1);
        store.add(alert("a2", "Second"), 0, 2);
        String second = nextData(events);
        assertThat(second).contains("\"title\":\"Second\"").doesNotContain("Filtered out");
        assertThat(stream.clients()).isEqualTo(1);
        events.close();
    }

    /** The next {@code data:} line of an event stream, within a few seconds. */
    private static String nextData(BufferedReader events) throws Exception {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                for (String l = events.readLine(); l != null; l = events.readLine()) {
                    if (l.startsWith("data: ")) {
                        return l.substring(6);
                    }
                }
                return null;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return line.get(10, TimeUnit.SECONDS);
    }

    @Test
    void showsTheWatchlistsWithTheRejectedFileAndWhere() throws Exception {
        String base = start(Access.open());
        store.add(alert("a1", "First"), 0, 0);
        Path file = dir.resolve("lists.yaml");
        Files.writeString(file, "watchlists:\n  - { id: bridges, severity: urgent, match: { any: [ { term: x } ] } }\n");
        assertThat(reloader.reloadIfChanged()).isFalse();

        JsonNode body = JSON.readTree(get(base + "/api/watchlists").body());
        assertThat(body.get("version").asText()).isEqualTo(reloader.activeSet().version());
        JsonNode problem = body.get("rejected").get("problems").get(0);
        assertThat(problem.get("text").asText()).startsWith(file + ":2:");
        assertThat(problem.get("line").asInt()).isEqualTo(2);
        JsonNode w = body.get("watchlists").get(0);
        assertThat(w.get("id").asText()).isEqualTo("bridges");
        assertThat(w.get("position").asText()).startsWith(file + ":2:");
        assertThat(w.get("match").get("type").asText()).isEqualTo("any");
        assertThat(w.get("match").get("clauses").get(0).get("value").asText()).isEqualTo("bridge");
        assertThat(w.get("alerts").get("stored").asInt()).isEqualTo(1);
        JsonNode counts = w.get("alerts").get("timeline").get("counts");
        assertThat(counts).hasSize(7 * 24);
        assertThat(counts.get(counts.size() - 1).asInt()).isEqualTo(1);
    }
}
