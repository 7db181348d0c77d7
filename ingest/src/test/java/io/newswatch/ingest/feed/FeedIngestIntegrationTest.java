package io.newswatch.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
import io.newswatch.testkit.TestPlatform;
import io.newswatch.testkit.TopicReader;

/** Feeds and pages from a real loopback server, hostile ones included, into the real broker. */
class FeedIngestIntegrationTest {

    @TempDir
    Path state;

    private LoopbackServer server;
    private final CountDownLatch releaseSlow = new CountDownLatch(1);
    private final KafkaConnection connection = TestPlatform.connection();
    private final Topics topics = TestPlatform.uniqueTopics("feeds");

    @BeforeEach
    void serve() throws IOException {
        server = LoopbackServer.start();
        Path secret = state.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-VALUE");
        server.content("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n");
        server.route("/news.xml", ex -> {
            boolean fresh = "\"news-v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"));
            ex.getResponseHeaders().set("ETag", "\"news-v1\"");
            LoopbackServer.send(ex, fresh ? 304 : 200, "application/rss+xml; charset=utf-8",
                    fresh ? new byte[0] : rss().getBytes(StandardCharsets.UTF_8));
        });
        server.content("/blog.atom", "application/atom+xml", atom());
        server.content("/articles/bridge", "text/html; charset=utf-8", fixture("news-article.html"));
        server.content("/articles/cafe", "text/html", ("<html><head><title>Caf\u00e9 rules</title></head><body><article>"
                + "<h1>Caf\u00e9 rules</h1><p>Caf\u00e9 owners say the \u201cnew rules\u201d cost them \u20ac200 a week in lost"
                + " trade.</p></article></body></html>").getBytes(Charset.forName("windows-1252")));
        server.content("/private/secret-story", "text/html", "<p>must never be fetched</p>");
        server.content("/broken.xml", "application/rss+xml", "<rss version=\"2.0\"><channel><item><title>oops</channel>");
        server.content("/xxe.xml", "application/rss+xml", "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \""
                + secret.toUri() + "\">]><rss version=\"2.0\"><channel><title>x</title><item><title>&xxe;</title>"
                + "<description>&xxe;</description><guid>xxe-1</guid></item></channel></rss>");
        server.content("/huge.xml", "application/rss+xml", new byte[3 * 1024 * 1024]);
        server.route("/slow.xml", ex -> {
            try {
                releaseSlow.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LoopbackServer.send(ex, 200, "application/rss+xml", rss().getBytes(StandardCharsets.UTF_8));
        });
        server.route("/loop.xml", ex -> {
            ex.getResponseHeaders().set("Location", "/loop.xml");
            ex.sendResponseHeaders(301, -1);
        });
    }

    @AfterEach
    void stop() {
        releaseSlow.countDown();
        server.close();
    }

    @Test
    void publishesCleanArticlesOnceAndSurvivesHostileFeeds() throws Exception {
        List<FeedSource> sources = new ArrayList<>();
        for (String feed : List.of("/news.xml", "/blog.atom", "/broken.xml", "/xxe.xml", "/huge.xml", "/slow.xml", "/loop.xml")) {
            sources.add(new FeedSource(server.uri(feed), "feed" + feed.replaceAll("\\W", "-"), Duration.ofMinutes(5),
                    List.of("test"), "en", true, true));
        }
        // The slow feed waits up to 10 s; the good fetches must never reach the timeout on a busy machine.
        FetchSettings settings = FetchSettings.defaults().withHostDelay(Duration.ZERO).withTimeout(Duration.ofSeconds(3))
                .withMaxBytes(1024 * 1024).withPolicy(AddressPolicy.allowing(List.of("127.0.0.1/32")));
        Map<String, PollResult> first;
        Map<String, PollResult> second;
        int bridgeFetchesInFirstRound;
        try (IngestPipeline pipeline = IngestPipeline.open(connection, topics, new TopicLayout(1, (short) 1),
                new SeenArticles(state.resolve("published")), Map.of())) {
            FeedPoller poller = new FeedPoller(new HttpFetcher(settings), new FeedStateStore(state.resolve("feeds")),
                    pipeline.intake(), Clock.systemUTC(), Duration.ofSeconds(30));
            try (FeedScheduler scheduler = new FeedScheduler(sources, poller, 1)) {
                first = byFeed(sources, scheduler.pollAllOnce());
                bridgeFetchesInFirstRound = server.hits("/articles/bridge");
                releaseSlow.countDown();
                second = byFeed(sources, scheduler.pollAllOnce());
                assertThat(scheduler.statuses().get(server.url("/broken.xml")).lastError()).startsWith("malformed-feed");
            }
        }

        assertThat(first.get("/news.xml").status()).isEqualTo(PollResult.Status.UPDATED);
        assertThat(first.get("/news.xml").published()).isEqualTo(3);
        assertThat(first.get("/blog.atom").newItems()).isEqualTo(1);
        assertThat(first.get("/blog.atom").published()).isZero(); // the news feed's bridge story, through another link
        assertThat(first.get("/broken.xml").error()).startsWith("malformed-feed");
        assertThat(first.get("/xxe.xml").error()).startsWith("malformed-feed").doesNotContain("TOP-SECRET-VALUE");
        assertThat(first.get("/huge.xml").error()).startsWith("too-large");
        assertThat(first.get("/slow.xml").error()).startsWith("timeout");
        assertThat(first.get("/loop.xml").error()).startsWith("redirect-limit");
        assertThat(second.get("/news.xml").status()).isEqualTo(PollResult.Status.NOT_MODIFIED);
        assertThat(second.get("/slow.xml").published()).isZero(); // its items are the news feed's: all duplicates
        assertThat(server.hits("/private/secret-story")).isZero();
        // polled one feed at a time: the page is fetched once, after that its links are known duplicates
        assertThat(bridgeFetchesInFirstRound).isEqualTo(1);
        assertThat(server.hits("/articles/bridge")).isEqualTo(1);

        List<ConsumerRecord<String, RawArticle>> records = read(4, Duration.ofSeconds(5));
        assertThat(records).hasSize(3);
        Map<String, RawArticle> byTitle = records.stream().map(ConsumerRecord::value)
                .collect(Collectors.toMap(RawArticle::getTitle, Function.identity()));
        assertThat(records).allSatisfy(r -> assertThat(r.key()).isEqualTo(r.value().getId()));

        RawArticle bridge = byTitle.get("Harbour bridge reopens after six-month repair");
        assertThat(bridge.getOrigin()).isEqualTo(Origin.PAGE);
        assertThat(bridge.getCanonicalUrl()).isEqualTo("https://www.coastalherald.example/news/2024/05/harbour-bridge-reopens");
        assertThat(bridge.getAuthors()).containsExactly("Priya Lennox", "Tom Achebe");
        assertThat(bridge.getLanguage()).isEqualTo("en-GB");
        assertThat(bridge.getSource().getName()).isEqualTo("feed-news-xml");
        assertThat(bridge.getSource().getFeedUrl()).isEqualTo(server.url("/news.xml"));
        assertThat(bridge.getSource().getTags()).containsExactly("test");
        assertThat(bridge.getText()).contains("Businesses on the north shore")
                .doesNotContain("Leave a Reply", "Related coverage", "cookies", "Most read", "Share on", "commute");

        RawArticle cafe = byTitle.get("Caf\u00e9 rules");
        assertThat(cafe.getText()).isEqualTo("Caf\u00e9 owners say the \u201cnew rules\u201d cost them \u20ac200 a week in lost trade.");
        assertThat(cafe.getLanguage()).isEqualTo("en-gb"); // from the feed: the page has no lang

        RawArticle fromFeed = byTitle.get("Minister visits the harbour");
        assertThat(fromFeed.getOrigin()).isEqualTo(Origin.FEED); // robots.txt disallows the page
        assertThat(fromFeed.getText()).isEqualTo("The minister toured the repaired bridge on Tuesday.");
        assertThat(fromFeed.getAuthors()).containsExactly("Desk Reporter");
    }

    private Map<String, PollResult> byFeed(List<FeedSource> sources, List<PollResult> results) {
        Map<String, PollResult> map = new java.util.HashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            map.put(sources.get(i).url().getPath(), results.get(i));
        }
        return map;
    }

    private List<ConsumerRecord<String, RawArticle>> read(int atLeast, Duration timeout) throws Exception {
        try (NewswatchSerdes serdes = new NewswatchSerdes(connection.serdeConfig())) {
            return TopicReader.read(connection, topics.raw(), new StringDeserializer(), serdes.rawArticle().deserializer(),
                    atLeast, timeout);
        }
    }

    private String rss() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                + "<channel><title>News</title><language>en-gb</language>"
                + item("private-1", server.url("/private/secret-story"), "Minister visits the harbour",
                        "The minister toured the repaired bridge on Tuesday.")
                + item("cafe-1", server.url("/articles/cafe"), "Cafe rules", "Short summary.")
                + item("bridge-1", server.url("/articles/bridge?utm_source=rss&utm_medium=feed"), "Bridge reopens", "Summary.")
                + "</channel></rss>";
    }

    private static String item(String guid, String link, String title, String description) {
        return "<item><guid isPermaLink=\"false\">" + guid + "</guid><link>" + link.replace("&", "&amp;") + "</link><title>"
                + title + "</title><dc:creator>Desk Reporter</dc:creator><pubDate>Tue, 14 May 2024 05:30:00 GMT</pubDate>"
                + "<description>" + description + "</description></item>";
    }

    private String atom() {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Blog</title>"
                + "<id>urn:blog</id><updated>2024-05-14T09:00:00Z</updated><entry><title>The bridge</title><id>urn:blog:1</id>"
                + "<link href=\"" + server.url("/articles/bridge?utm_source=atom") + "\"/>"
                + "<updated>2024-05-14T09:00:00Z</updated><summary>Bridge summary.</summary></entry></feed>";
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = FeedIngestIntegrationTest.class.getResourceAsStream("/pages/" + name)) {
            return in.readAllBytes();
        }
    }
}
