package io.newswatch.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswatch.core.config.KafkaConnection;
import io.newswatch.core.serde.NewswatchSerdes;
import io.newswatch.core.topics.TopicLayout;
import io.newswatch.core.topics.Topics;
import io.newswatch.ingest.IngestPipeline;
import io.newswatch.ingest.LoopbackServer;
import io.newswatch.ingest.dedup.SeenArticles;
import io.newswatch.ingest.http.AddressPolicy;
import io.newswatch.ingest.http.FetchSettings;
import io.newswatch.ingest.http.HttpFetcher;
import io.newswatch.schemas.Origin;
import io.newswatch.schemas.RawArticle;
import io.newswatch.testkit.HostileInputs;
import io.newswatch.testkit.TestPlatform;
import io.newswatch.testkit.TopicReader;

/**
 * Hostile pages and feeds from a real loopback server: a page that never ends, a 60 MB page, a gzip
 * bomb, 100,000 nested elements, a binary "page", XXE and billion-laughs feeds. Each costs at most
 * its time or size limit; every item still gets published (from the feed's text when its page is
 * unusable), and two unnamed feeds of one host keep their own failure gauges.
 */
class HostilePagesIntegrationTest {

    @TempDir
    Path state;

    private LoopbackServer server;
    private final KafkaConnection connection = TestPlatform.connection();
    private final Topics topics = TestPlatform.uniqueTopics("hostile-pages");
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void serve() throws IOException {
        Metrics.addRegistry(registry);
        server = LoopbackServer.start();
        server.content("/robots.txt", "text/plain", "User-agent: *\nAllow: /\n");
        server.content("/good", "text/html; charset=utf-8", "<html><head><title>Good page</title></head><body><article>"
                + "<h1>Good page</h1><p>The good page beside the hostile ones is published with its own text.</p></article></body></html>");
        server.route("/slow-loris", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                out.write("<html><body><p>".getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < 600; i++) { // at most a minute; the client gives up long before
                    out.write('a');
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.route("/sixty-mb", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 0); // chunked: no length announced, so only counting stops it
            byte[] chunk = "<p>more and more of a page that is far too large</p>\n".repeat(1200).getBytes(StandardCharsets.US_ASCII);
            try (OutputStream out = ex.getResponseBody()) {
                for (long sent = 0; sent < 60L * 1024 * 1024; sent += chunk.length) {
                    out.write(chunk);
                }
            }
        });
        byte[] bomb = HostileInputs.gzipBomb(100L * 1024 * 1024);
        server.route("/gzip-bomb", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            LoopbackServer.send(ex, 200, "text/html", bomb);
        });
        server.content("/nested", "text/html", HostileInputs.nestedPage(100_000));
        server.content("/binary", "text/html", HostileInputs.committed("binary.html"));
        server.content("/news.xml", "application/rss+xml", rss());
        server.content("/xxe.rss", "application/rss+xml", HostileInputs.committed("xxe.rss"));
        server.content("/billion-laughs.atom", "application/atom+xml", HostileInputs.committed("billion-laughs.atom"));
    }

    @AfterEach
    void stop() {
        server.close();
        Metrics.removeRegistry(registry);
    }

    @Test
    void everyItemIsPublishedAndEveryHostilePageOrFeedCostsOnlyItsLimit() throws Exception {
        // Unnamed feeds: their name defaults to the host, the same for all three.
        List<FeedSource> sources = List.of("/news.xml", "/xxe.rss", "/billion-laughs.atom").stream()
                .map(p -> new FeedSource(server.uri(p), "127.0.0.1", Duration.ofMinutes(5), List.of(), "en", true, true))
                .toList();
        FetchSettings settings = FetchSettings.defaults().withHostDelay(Duration.ZERO).withTimeout(Duration.ofSeconds(2))
                .withMaxBytes(2 * 1024 * 1024).withPolicy(AddressPolicy.allowing(List.of("127.0.0.1/32")));
        List<PollResult> results;
        try (IngestPipeline pipeline = IngestPipeline.open(connection, topics, new TopicLayout(1, (short) 1),
                new SeenArticles(state.resolve("published")), Map.of())) {
            FeedPoller poller = new FeedPoller(new HttpFetcher(settings), new FeedStateStore(state.resolve("feeds")),
                    pipeline.intake(), Clock.systemUTC(), Duration.ofSeconds(30));
            try (FeedScheduler scheduler = new FeedScheduler(sources, poller, 1)) {
                results = scheduler.pollAllOnce();
            }
        }
        assertThat(results.get(0).status()).isEqualTo(PollResult.Status.UPDATED);
        assertThat(results.get(0).published()).isEqualTo(6);
        assertThat(results.get(1).error()).startsWith("malformed-feed").doesNotContain("root:");
        assertThat(results.get(2).error()).startsWith("malformed-feed");
        List<String> gaugeFeeds = registry.find("newswatch.feed.failures").gauges().stream().map(g -> g.getId().getTag("feed"))
                .toList();
        assertThat(gaugeFeeds).contains(server.url("/news.xml"), server.url("/xxe.rss"), server.url("/billion-laughs.atom"));
        assertThat(registry.find("newswatch.feed.failures").tag("feed", server.url("/xxe.rss")).gauge())
                .extracting(Gauge::value).isEqualTo(1.0);
        assertThat(registry.find("newswatch.feed.failures").tag("feed", server.url("/news.xml")).gauge())
                .extracting(Gauge::value).isEqualTo(0.0);

        Map<String, RawArticle> byUrl;
        try (NewswatchSerdes serdes = new NewswatchSerdes(connection.serdeConfig())) {
            byUrl = TopicReader.read(connection, topics.raw(), new StringDeserializer(), serdes.rawArticle().deserializer(), 7,
                    Duration.ofSeconds(5)).stream().map(ConsumerRecord::value)
                    .collect(Collectors.toMap(RawArticle::getUrl, Function.identity()));
        }
        assertThat(byUrl).hasSize(6);
        assertThat(byUrl.get(server.url("/good")).getOrigin()).isEqualTo(Origin.PAGE);
        assertThat(byUrl.get(server.url("/good")).getText()).startsWith("The good page beside the hostile ones");
        assertThat(byUrl.get(server.url("/nested")).getOrigin()).isEqualTo(Origin.PAGE);
        assertThat(byUrl.get(server.url("/nested")).getText()).startsWith("The one paragraph of this page");
        for (String hostile : List.of("/slow-loris", "/sixty-mb", "/gzip-bomb")) {
            RawArticle a = byUrl.get(server.url(hostile));
            assertThat(a.getOrigin()).as(hostile).isEqualTo(Origin.FEED);
            assertThat(a.getText()).as(hostile).isEqualTo("Feed text of " + hostile + ".");
        }
        assertThat(byUrl.get(server.url("/binary")).getTitle() + byUrl.get(server.url("/binary")).getText())
                .doesNotContain("\u0000", "\u0001");
    }

    private String rss() {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>H</title>");
        for (String p : List.of("/good", "/slow-loris", "/sixty-mb", "/gzip-bomb", "/nested", "/binary")) {
            s.append("<item><guid>").append(p).append("</guid><link>").append(server.url(p)).append("</link><title>Item ")
                    .append(p).append("</title><description>Feed text of ").append(p).append(".</description></item>");
        }
        return s.append("</channel></rss>").toString();
    }
}
