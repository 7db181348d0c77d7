package io.newswatch.core.health;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The HTTP side channel of a service: {@code /healthz} (liveness), {@code /readyz} (readiness) and
 * {@code /metrics} (Prometheus text format). Uses the JDK's built-in server: three tiny endpoints do
 * not justify a web framework in every container.
 */
public final class HealthServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HealthServer.class);
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String service;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Supplier<? extends List<? extends HealthIndicator>> indicators;
    private final PrometheusMeterRegistry metrics;

    private HealthServer(String service, HttpServer server, ExecutorService executor,
            Supplier<? extends List<? extends HealthIndicator>> indicators, PrometheusMeterRegistry metrics) {
        this.service = service;
        this.server = server;
        this.executor = executor;
        this.indicators = indicators;
        this.metrics = metrics;
    }

    /**
     * Starts serving on {@code address:port} (port 0: any free port). {@code indicators} is asked
     * on every request, so parts can come and go.
     */
    public static HealthServer start(String service, String address, int port,
            Supplier<? extends List<? extends HealthIndicator>> indicators, PrometheusMeterRegistry metrics)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 16);
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, service + "-health");
            t.setDaemon(true);
            return t;
        });
        HealthServer health = new HealthServer(service, server, executor, indicators, metrics);
        server.createContext("/healthz", exchange -> health.handle(exchange, health::liveness));
        server.createContext("/readyz", exchange -> health.handle(exchange, health::readiness));
        server.createContext("/metrics", exchange -> health.handle(exchange, ignored -> health.metrics()));
        server.createContext("/", exchange -> health.handle(exchange,
                ignored -> new Reply(404, "text/plain; charset=utf-8", "not found; try /healthz, /readyz or /metrics\n")));
        server.setExecutor(executor);
        server.start();
        log.info("{}: health and metrics on http://{}:{}/ (healthz, readyz, metrics)", service, address,
                server.getAddress().getPort());
        return health;
    }

    /**
     * Answers every path that is not a health endpoint with {@code handler} (e.g. the dashboard, on
     * the same port). It runs on the server's one thread, so it must answer quickly and hand long
     * responses (server-sent events) to a thread of its own.
     */
    public void mount(com.sun.net.httpserver.HttpHandler handler) {
        server.removeContext("/");
        server.createContext("/", handler);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Base URL for a client on this machine, e.g. {@code http://127.0.0.1:8080}. */
    public String localUrl() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private record Reply(int status, String contentType, String body) {
    }

    private void handle(HttpExchange exchange, Function<HttpExchange, Reply> endpoint) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            Reply reply;
            if (!method.equals("GET") && !method.equals("HEAD")) {
                reply = new Reply(405, "text/plain; charset=utf-8", "only GET and HEAD\n");
                exchange.getResponseHeaders().add("Allow", "GET, HEAD");
            } else {
                try {
                    reply = endpoint.apply(exchange);
                } catch (RuntimeException e) {
                    log.warn("{}: health endpoint {} failed", service, exchange.getRequestURI(), e);
                    reply = new Reply(500, "text/plain; charset=utf-8", "internal error: " + e + "\n");
                }
            }
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", reply.contentType());
            exchange.getResponseHeaders().add("Cache-Control", "no-store");
            if (method.equals("HEAD")) {
                exchange.sendResponseHeaders(reply.status(), -1);
            } else {
                exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private Reply liveness(HttpExchange exchange) {
        return report(Health::alive);
    }

    private Reply readiness(HttpExchange exchange) {
        return report(Health::ready);
    }

    /** A JSON report of every part; 200 if {@code passes} holds for all of them, else 503. */
    private Reply report(java.util.function.Predicate<Health> passes) {
        boolean ok = true;
        List<Map<String, Object>> checks = new ArrayList<>();
        for (HealthIndicator indicator : indicators.get()) {
            Health health;
            try {
                health = indicator.health();
            } catch (RuntimeException e) {
                health = Health.dead("health check failed: " + e);
            }
            ok &= passes.test(health);
            Map<String, Object> check = new LinkedHashMap<>();
            check.put("name", indicator.healthName());
            check.put("alive", health.alive());
            check.put("ready", health.ready());
            check.put("detail", health.detail());
            checks.add(check);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service", service);
        body.put("status", ok ? "UP" : "DOWN");
        body.put("checks", checks);
        try {
            return new Reply(ok ? 200 : 503, "application/json", JSON.writeValueAsString(body) + "\n");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Reply metrics() {
        return new Reply(200, PROMETHEUS_TEXT, metrics.scrape());
    }
}
