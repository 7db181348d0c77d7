package io.newswatch.registry.server;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A schema registry speaking the Confluent REST API for Avro, on the JDK's built-in HTTP server:
 * the embedded default and the registry of tests. Production uses a real Confluent-compatible registry.
 *
 * <p>The store belongs to the caller, who closes it after the server.
 */
public final class SchemaRegistryServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SchemaRegistryServer.class);
    private static final int THREADS = 4;
    private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    static {
        // The JDK server writes response headers and body as separate segments; with Nagle's algorithm
        // on, the body then waits for the client's delayed ACK: ~40 ms per request on keep-alive
        // connections. The JDK reads this property once, when its first HttpServer is created, so it
        // applies to every JDK HttpServer in this JVM; an explicit setting by the operator wins.
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final String url;
    private volatile boolean closed;

    private SchemaRegistryServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
        InetSocketAddress address = server.getAddress();
        InetAddress ip = address.getAddress();
        // A wildcard bind is reachable on loopback; that is the address local clients should use.
        String host = ip.isAnyLocalAddress() ? InetAddress.getLoopbackAddress().getHostAddress() : ip.getHostAddress();
        this.url = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    /** Starts without authentication. Port 0 picks a free port. */
    public static SchemaRegistryServer start(String host, int port, SchemaStore store) {
        return start(host, port, store, null);
    }

    /**
     * Starts the server.
     *
     * @param basicAuthUserInfo {@code user:password} to require HTTP basic auth on every request, or null
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static SchemaRegistryServer start(String host, int port, SchemaStore store, String basicAuthUserInfo) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(store, "store");
        if (basicAuthUserInfo != null && !basicAuthUserInfo.contains(":")) {
            throw new IllegalArgumentException("Basic auth user info must be 'user:password'");
        }
        SchemaRegistry registry = new SchemaRegistry(store);
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the schema registry on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        ExecutorService executor = executor();
        server.createContext("/", new RegistryHttpHandler(registry, basicAuthUserInfo));
        server.setExecutor(executor);
        server.start();
        SchemaRegistryServer started = new SchemaRegistryServer(server, executor);
        log.info("Schema registry listening on {}", started.url);
        return started;
    }

    /** Base URL for clients, e.g. {@code http://127.0.0.1:8081}. */
    public String url() {
        return url;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        // No grace period: registry requests are short, and clients retry or fail over.
        server.stop(0);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        log.info("Schema registry on {} stopped", url);
    }

    /** A few daemon threads: registry traffic is light because clients cache, and it must not keep a JVM alive. */
    private static ExecutorService executor() {
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "schema-registry-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
