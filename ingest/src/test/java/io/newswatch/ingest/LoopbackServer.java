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

/**
 * A real HTTP server on a loopback address (127.0.0.1 unless told otherwise) for tests: routes by exact
 * path, counts hits, remembers request headers and the client ports they came from.
 */
public final class LoopbackServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final List<Headers> requests = new CopyOnWriteArrayList<>();
    private final List<Integer> clientPorts = new CopyOnWriteArrayList<>();

    private LoopbackServer(InetAddress address, int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(address, port), 50);
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
    }

    public static LoopbackServer start() throws IOException {
        return start(InetAddress.getByName("127.0.0.1"), 0);
    }

    /** On {@code address} and {@code port} (0: any free port). */
    public static LoopbackServer start(InetAddress address, int port) throws IOException {
        return new LoopbackServer(address, port);
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
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + port() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    /** Requests to every path. */
    public int total() {
        return hits.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    public List<Headers> requests() {
        return requests;
    }

    /** The client's port of each request, in order: one port for requests on one kept-alive connection. */
    public List<Integer> clientPorts() {
        return clientPorts;
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
        clientPorts.add(ex.getRemoteAddress().getPort());
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
