package io.newswatch.ingest.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Many RSS feeds and their article pages served from loopback, spread over several servers (ports)
 * so that per-host politeness sees several hosts. Each feed supports conditional GET; {@link #publishNewItem}
 * adds an item to every feed and changes its ETag.
 */
public final class FeedFarm implements AutoCloseable {

    private final List<HttpServer> servers = new ArrayList<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final int feeds;
    private final AtomicInteger items;
    private final AtomicInteger requests = new AtomicInteger();

    public FeedFarm(int feeds, int hosts, int initialItems) throws IOException {
        this.feeds = feeds;
        this.items = new AtomicInteger(initialItems);
        for (int h = 0; h < hosts; h++) {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
            server.setExecutor(executor);
            server.createContext("/", this::handle);
            server.start();
            servers.add(server);
        }
    }

    /** The URL of feed {@code i}. */
    public URI feedUrl(int i) {
        return URI.create(base(i) + "/feed/" + i + ".xml");
    }

    public void publishNewItem() {
        items.incrementAndGet();
    }

    public int requests() {
        return requests.get();
    }

    private String base(int feed) {
        HttpServer s = servers.get(feed % servers.size());
        return "http://127.0.0.1:" + s.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        try (ex) {
            String path = ex.getRequestURI().getPath();
            if (path.equals("/robots.txt")) {
                send(ex, 200, "text/plain", "User-agent: *\nDisallow: /private/\n", null);
            } else if (path.startsWith("/feed/")) {
                int feed = Integer.parseInt(path.replaceAll("\\D", ""));
                String etag = "\"" + feed + "-" + items.get() + "\"";
                if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                    ex.getResponseHeaders().add("ETag", etag);
                    ex.sendResponseHeaders(304, -1);
                    return;
                }
                send(ex, 200, "application/rss+xml", rss(feed, items.get()), etag);
            } else if (path.startsWith("/page/")) {
                String[] parts = path.split("/");
                send(ex, 200, "text/html; charset=utf-8", page(Integer.parseInt(parts[2]), Integer.parseInt(parts[3])), null);
            } else {
                send(ex, 404, "text/plain", "not found", null);
            }
        }
    }

    private String rss(int feed, int count) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>")
                .append("<title>Bench feed ").append(feed).append("</title><link>").append(base(feed)).append("</link>")
                .append("<language>en</language>");
        for (int i = count - 1; i >= Math.max(0, count - 20); i--) {
            String link = base(feed) + "/page/" + feed + "/" + i;
            sb.append("<item><title>Story ").append(i).append(" of feed ").append(feed).append("</title><link>").append(link)
                    .append("</link><guid>").append(link).append("</guid><pubDate>Mon, 27 Mar 2017 08:00:00 GMT</pubDate>")
                    .append("<description>Summary of story ").append(i).append(".</description></item>");
        }
        return sb.append("</channel></rss>").toString();
    }

    private static String page(int feed, int item) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><title>Story ").append(item)
                .append("</title><meta property=\"article:published_time\" content=\"2017-03-27T08:00:00Z\"></head><body>")
                .append("<nav><a href=\"/\">Home</a></nav><article><h1>Story ").append(item).append(" of feed ").append(feed)
                .append("</h1>");
        for (int p = 0; p < 8; p++) {
            sb.append("<p>Paragraph ").append(p).append(" of story ").append(item).append(" in feed ").append(feed)
                    .append(": the council met on Tuesday to discuss the harbour, the budget and the new ferry timetable.</p>");
        }
        return sb.append("</article><footer>Footer</footer></body></html>").toString();
    }

    private static void send(HttpExchange ex, int status, String type, String body, String etag) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        if (etag != null) {
            ex.getResponseHeaders().add("ETag", etag);
        }
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        servers.forEach(s -> s.stop(0));
        executor.shutdownNow();
    }
}
