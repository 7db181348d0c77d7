package io.newswatch.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/** A real HTTP server on 127.0.0.1 for tests: routes by exact path, counts hits, remembers request headers. */
public final class LoopbackServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final List<Headers> requests = new CopyOnWriteArrayList<>();

    private LoopbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
    }

    public static LoopbackServer start() throws IOException {
        return new LoopbackServer();
    }

    public LoopbackServer route(String path, HttpHandler handler) {
        routes.put(path, handler);
        return this;
    }

    public LoopbackServer content(String path, String contentType, byte[] body) {
        return route(path, ex -> send(ex, 200, contentType, body));
    }

    public LoopbackServer content(String path, String contentType, String body) {
        return content(path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public URI uri(String path) {
        return URI.create(url(path));
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    public List<Headers> requests() {
        return requests;
    }

    public static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            ex.getResponseHeaders().set("Content-Type", contentType);
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private void dispatch(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        requests.add(ex.getRequestHeaders());
        try (ex) {
            HttpHandler h = routes.get(path);
            if (h == null) {
                send(ex, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
            } else {
                h.handle(ex);
            }
        } catch (IOException | RuntimeException e) {
            // the client went away (e.g. a size limit hit); nothing to do
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
