package io.newswatch.dashboard.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import io.newswatch.dashboard.sse.AlertStream;
import io.newswatch.dashboard.store.AlertFilter;
import io.newswatch.dashboard.store.AlertStore;
import io.newswatch.dashboard.watchlists.WatchlistCatalog;

/**
 * The dashboard's HTTP side: the page ({@code /}, {@code /watchlists}), its bundled assets, and the
 * read-only JSON API ({@code /api/alerts}, {@code /api/alerts/stream}, {@code /api/watchlists},
 * {@code /api/facets}). Only GET and HEAD are answered.
 */
public final class DashboardHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(DashboardHandler.class);
    static final int DEFAULT_LIMIT = 200;
    /** Hours shown in a watch-list's chart. */
    static final int TIMELINE_HOURS = 7 * 24;
    private static final String ASSETS = "/io/newswatch/dashboard/assets/";
    /** The only files served: nothing else on the class path can be reached. */
    private static final Map<String, String> ASSET_TYPES = Map.of(
            "app.js", "text/javascript; charset=utf-8",
            "app.css", "text/css; charset=utf-8",
            "favicon.svg", "image/svg+xml",
            "index.html", "text/html; charset=utf-8");
    private static final String SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final AlertStore store;
    private final AlertStream stream;
    private final WatchlistCatalog catalog;
    private final Access access;
    private final Clock clock;
    private final Map<String, byte[]> assets = new LinkedHashMap<>();

    public DashboardHandler(AlertStore store, AlertStream stream, WatchlistCatalog catalog, Access access, Clock clock) {
        this.store = store;
        this.stream = stream;
        this.catalog = catalog;
        this.access = access;
        this.clock = clock;
        for (String name : ASSET_TYPES.keySet()) {
            assets.put(name, load(name));
        }
    }

    private static byte[] load(String name) {
        try (InputStream in = DashboardHandler.class.getResourceAsStream(ASSETS + name)) {
            if (in == null) {
                throw new IllegalStateException("dashboard asset " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        boolean handedOff = false;
        try {
            String method = exchange.getRequestMethod();
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                reply(exchange, 405, "text/plain; charset=utf-8", "the dashboard is read-only: only GET and HEAD\n");
                return;
            }
            if (!access.permits(exchange)) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"Newswatch\", charset=\"UTF-8\"");
                reply(exchange, 401, "text/plain; charset=utf-8",
                        "the dashboard needs its token: Authorization: Bearer TOKEN, or basic authentication with it as password\n");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            Map<String, List<String>> query = query(exchange.getRequestURI().getRawQuery());
            try {
                if (path.equals("/") || path.equals("/watchlists") || path.startsWith("/watchlists/")) {
                    exchange.getResponseHeaders().set("Content-Security-Policy", SECURITY_POLICY);
                    asset(exchange, "index.html");
                } else if (path.startsWith("/assets/") && ASSET_TYPES.containsKey(path.substring(8))) {
                    asset(exchange, path.substring(8));
                } else if (path.equals("/api/alerts")) {
                    AlertFilter filter = AlertFilter.fromQuery(query, clock.instant());
                    json(exchange, DashboardJson.page(store.query(filter, limit(query)), store));
                } else if (path.equals("/api/alerts/stream")) {
                    AlertFilter filter = AlertFilter.fromQuery(query, clock.instant());
                    long after = after(exchange, query);
                    stream.open(exchange, filter, after);
                    handedOff = true;
                } else if (path.equals("/api/watchlists")) {
                    json(exchange, DashboardJson.watchlists(catalog.status(), store.activity(clock.instant(), TIMELINE_HOURS)));
                } else if (path.equals("/api/facets")) {
                    json(exchange, DashboardJson.facets(store.facets(), catalog.status()));
                } else {
                    reply(exchange, 404, "text/plain; charset=utf-8",
                            "not found; try /, /watchlists, /api/alerts, /api/alerts/stream, /api/watchlists, /healthz, /readyz or /metrics\n");
                }
            } catch (IllegalArgumentException e) {
                ObjectNode error = DashboardJson.JSON.createObjectNode().put("error", e.getMessage());
                reply(exchange, 400, "application/json", error.toString() + "\n");
            }
        } catch (RuntimeException e) {
            log.warn("Dashboard request {} failed", exchange.getRequestURI(), e);
            reply(exchange, 500, "text/plain; charset=utf-8", "internal error: " + e + "\n");
        } finally {
            if (!handedOff) {
                exchange.close();
            }
        }
    }

    private static int limit(Map<String, List<String>> query) {
        List<String> values = query.getOrDefault("limit", List.of());
        if (values.isEmpty() || values.get(0).isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(values.get(0).strip());
            if (limit < 1) {
                throw new NumberFormatException();
            }
            return limit;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("limit must be a positive number, was '" + values.get(0) + "'");
        }
    }

    /** Where the stream starts: after the browser's {@code Last-Event-ID}, or the {@code after} parameter, or now. */
    private static long after(HttpExchange exchange, Map<String, List<String>> query) {
        String value = exchange.getRequestHeaders().getFirst("Last-Event-ID");
        if (value == null || value.isBlank()) {
            List<String> given = query.getOrDefault("after", List.of());
            value = given.isEmpty() ? null : given.get(0);
        }
        if (value == null || value.isBlank()) {
            return -1;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("after must be an alert sequence number, was '" + value + "'");
        }
    }

    static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private void asset(HttpExchange exchange, String name) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        reply(exchange, 200, ASSET_TYPES.get(name), assets.get(name));
    }

    private static void json(HttpExchange exchange, ObjectNode body) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        reply(exchange, 200, "application/json", body.toString() + "\n");
    }

    private static void reply(HttpExchange exchange, int status, String type, String body) throws IOException {
        reply(exchange, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void reply(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
