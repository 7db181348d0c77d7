package io.newswatch.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.newswatch.ingest.LoopbackServer;

class HttpFetcherIntegrationTest {

    private LoopbackServer server;
    private final FetchSettings loopbackAllowed = FetchSettings.defaults().withHostDelay(Duration.ZERO)
            .withTimeout(Duration.ofSeconds(5)).withMaxBytes(64 * 1024)
            .withPolicy(AddressPolicy.allowing(List.of("127.0.0.1/32")));

    @BeforeEach
    void start() throws IOException {
        server = LoopbackServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void refusesLoopbackUnlessAllowListedAndNeverConnects() {
        server.content("/x", "text/plain", "hello");
        HttpFetcher fetcher = new HttpFetcher(FetchSettings.defaults());

        assertThatThrownBy(() -> fetcher.get(server.uri("/x"))).isInstanceOf(FetchException.class)
                .extracting(e -> ((FetchException) e).reason()).isEqualTo("address-refused");
        assertThat(server.hits("/x")).isZero();
    }

    @Test
    void checksEveryRedirectHopAgainstThePolicy() throws Exception {
        int port = server.port();
        server.route("/to-other-loopback", ex -> redirect(ex, "http://127.0.0.2:" + port + "/x"));
        server.route("/to-metadata", ex -> redirect(ex, "http://169.254.169.254/latest/meta-data/"));
        server.route("/to-file", ex -> redirect(ex, "file:///etc/passwd"));
        server.route("/ok", ex -> redirect(ex, "/x"));
        server.content("/x", "text/plain", "hello");
        HttpFetcher fetcher = new HttpFetcher(loopbackAllowed);

        assertThat(reason(fetcher, "/to-other-loopback")).isEqualTo("address-refused");
        assertThat(reason(fetcher, "/to-metadata")).isEqualTo("address-refused");
        assertThat(reason(fetcher, "/to-file")).isEqualTo("scheme");
        FetchResponse ok = fetcher.get(server.uri("/ok"));
        assertThat(new String(ok.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(ok.uri()).isEqualTo(server.uri("/x"));
    }

    @Test
    void stopsFollowingARedirectLoop() {
        server.route("/loop", ex -> redirect(ex, "/loop"));

        assertThat(reason(new HttpFetcher(loopbackAllowed), "/loop")).isEqualTo("redirect-limit");
        assertThat(server.hits("/loop")).isEqualTo(loopbackAllowed.maxRedirects() + 1);
    }

    @Test
    void capsBodiesAsSentAndAsDecompressed() throws IOException {
        byte[] big = new byte[200 * 1024];
        server.content("/announced", "text/html", big);
        server.route("/chunked", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 50; i++) {
                    out.write(new byte[8192]);
                }
            }
        });
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(new byte[10 * 1024 * 1024]); // 10 MB of zeros: a few KB compressed
        }
        server.route("/bomb", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            LoopbackServer.send(ex, 200, "text/html", zipped.toByteArray());
        });
        HttpFetcher fetcher = new HttpFetcher(loopbackAllowed);

        assertThat(zipped.size()).isLessThan(64 * 1024);
        assertThat(reason(fetcher, "/announced")).isEqualTo("too-large");
        assertThat(reason(fetcher, "/chunked")).isEqualTo("too-large");
        assertThat(reason(fetcher, "/bomb")).isEqualTo("too-large");
    }

    @Test
    void timesOutASlowResponse() {
        CountDownLatch release = new CountDownLatch(1);
        server.route("/slow", ex -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LoopbackServer.send(ex, 200, "text/plain", "late".getBytes(StandardCharsets.UTF_8));
        });
        try {
            assertThat(reason(new HttpFetcher(loopbackAllowed.withTimeout(Duration.ofMillis(300))), "/slow")).isEqualTo("timeout");
        } finally {
            release.countDown();
        }
    }

    @Test
    void timesOutABodyTrickledForever() {
        server.route("/trickle", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            for (int i = 0; i < 1000; i++) { // one byte every 20 ms: each read is quick, the whole never ends
                out.write('x');
                out.flush();
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
        HttpFetcher fetcher = new HttpFetcher(loopbackAllowed.withTimeout(Duration.ofMillis(500)));

        long start = System.nanoTime();
        assertThat(reason(fetcher, "/trickle")).isEqualTo("timeout");
        // The trickle would last 20 s; the bound leaves room for a busy machine, not for reading it to the end.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void decodesGzipAndDeflateBodiesAndLooksUpHeadersInAnyCase() throws Exception {
        byte[] text = "<p>compressed</p>".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(gzipped)) {
            gz.write(text);
        }
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (DeflaterOutputStream df = new DeflaterOutputStream(deflated)) {
            df.write(text);
        }
        server.route("/gzip", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            ex.getResponseHeaders().set("ETag", "\"g1\"");
            LoopbackServer.send(ex, 200, "text/html", gzipped.toByteArray());
        });
        server.route("/deflate", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "deflate");
            LoopbackServer.send(ex, 200, "text/html", deflated.toByteArray());
        });
        HttpFetcher fetcher = new HttpFetcher(loopbackAllowed);

        FetchResponse gz = fetcher.get(server.uri("/gzip"));
        assertThat(gz.body()).isEqualTo(text);
        assertThat(gz.header("etag")).isEqualTo("\"g1\"");
        assertThat(gz.header("CONTENT-TYPE")).isEqualTo("text/html");
        assertThat(fetcher.get(server.uri("/deflate")).body()).isEqualTo(text);
        assertThat(server.requests()).allSatisfy(h -> assertThat(h.getFirst("Accept-Encoding")).isEqualTo("gzip, deflate"));
    }

    @Test
    void sendsConditionalHeadersAndUserAgent() throws Exception {
        server.route("/feed", ex -> {
            boolean fresh = "\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"));
            ex.getResponseHeaders().set("ETag", "\"v1\"");
            LoopbackServer.send(ex, fresh ? 304 : 200, "application/rss+xml", fresh ? new byte[0] : "<rss/>".getBytes());
        });
        HttpFetcher fetcher = new HttpFetcher(loopbackAllowed.withUserAgent("TestBot/1.0"));

        assertThat(fetcher.get(server.uri("/feed")).status()).isEqualTo(200);
        assertThat(fetcher.get(server.uri("/feed"), Map.of("If-None-Match", "\"v1\"")).status()).isEqualTo(304);
        assertThat(server.requests()).allSatisfy(h -> assertThat(h.getFirst("User-Agent")).isEqualTo("TestBot/1.0"));
    }

    @Test
    void sendsOneRequestAtATimeToAHost() throws Exception {
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger maxConcurrent = new AtomicInteger();
        server.route("/page", ex -> {
            maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            try {
                Thread.sleep(20); // hold the request open so that overlapping requests would show
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            concurrent.decrementAndGet();
            LoopbackServer.send(ex, 200, "text/html", "<p>x</p>".getBytes());
        });
        HttpFetcher fetcher = new HttpFetcher(loopbackAllowed);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<FetchResponse>> all = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                all.add(pool.submit(() -> fetcher.get(server.uri("/page"))));
            }
            for (Future<FetchResponse> f : all) {
                assertThat(f.get().status()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.hits("/page")).isEqualTo(8);
        assertThat(maxConcurrent.get()).isEqualTo(1);
    }

    private String reason(HttpFetcher fetcher, String path) {
        try {
            fetcher.get(server.uri(path));
            return "no error";
        } catch (FetchException e) {
            return e.reason();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void redirect(com.sun.net.httpserver.HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().set("Location", location);
        ex.sendResponseHeaders(302, -1);
    }
}
