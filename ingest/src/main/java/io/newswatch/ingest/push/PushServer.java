package io.newswatch.ingest.push;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.micrometer.core.instrument.Metrics;
import io.newswatch.articles.ArticleJson;
import io.newswatch.articles.InvalidArticleException;
import io.newswatch.articles.extract.PageExtractor;
import io.newswatch.ingest.ArticleIntake;
import io.newswatch.schemas.Origin;
import io.newswatch.schemas.RawArticle;

/**
 * {@code POST /articles}: one article in the JSON article format, an array of them, or NDJSON
 * (one a line). Answers {@code 202} with the assigned ids once Kafka has acknowledged every article,
 * {@code 400} naming each invalid field (nothing of the request is published then), {@code 401}
 * without the bearer token, {@code 413} above the size limit, {@code 415} for other content types,
 * {@code 503} when Kafka did not acknowledge in time (the client should retry; duplicates are dropped).
 */
public final class PushServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PushServer.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final HttpServer server;
    private final ExecutorService executor;
    private final ArticleIntake intake;
    private final ArticleJson articles = new ArticleJson(new PageExtractor());
    private final byte[] token;
    private final long maxBytes;
    private final Duration ackTimeout;
    private final Clock clock;

    /**
     * @param token    the bearer token clients must send; {@code null} or empty turns authentication off
     * @param maxBytes largest request body accepted
     */
    public PushServer(InetSocketAddress address, String token, long maxBytes, Duration ackTimeout, ArticleIntake intake,
            Clock clock) throws IOException {
        this.intake = intake;
        this.token = token == null || token.isEmpty() ? null : token.getBytes(StandardCharsets.UTF_8);
        this.maxBytes = maxBytes;
        this.ackTimeout = ackTimeout;
        this.clock = clock;
        this.server = HttpServer.create(address, 64);
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "push-api");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/articles", this::handle);
        server.createContext("/health", ex -> respond(ex, 200, JSON.createObjectNode().put("status", "ok")));
    }

    public PushServer start() {
        server.start();
        log.info("Push API listening on http://{}:{}/articles", server.getAddress().getHostString(), port());
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            if (!ex.getRequestMethod().equals("POST")) {
                ex.getResponseHeaders().add("Allow", "POST");
                respond(ex, 405, error("use POST"));
                return;
            }
            if (!authorised(ex)) {
                ex.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"newswatch\"");
                respond(ex, 401, error("missing or wrong bearer token"));
                return;
            }
            String type = ex.getRequestHeaders().getFirst("Content-Type");
            String mediaType = type == null ? "" : type.split(";")[0].strip().toLowerCase(Locale.ROOT);
            boolean ndjson = mediaType.equals("application/x-ndjson") || mediaType.equals("application/ndjson")
                    || mediaType.equals("application/jsonl") || mediaType.equals("application/json-seq");
            if (!ndjson && !mediaType.equals("application/json")) {
                respond(ex, 415, error("send application/json (one article or an array) or application/x-ndjson"));
                return;
            }
            String length = ex.getRequestHeaders().getFirst("Content-Length");
            if (length != null && parseLong(length) > maxBytes) {
                respond(ex, 413, error("request body larger than " + maxBytes + " bytes"));
                return;
            }
            byte[] body = readCapped(ex.getRequestBody());
            if (body == null) {
                respond(ex, 413, error("request body larger than " + maxBytes + " bytes"));
                return;
            }
            List<JsonNode> nodes;
            try {
                nodes = ndjson ? ndjson(body) : json(body);
            } catch (JsonProcessingException e) {
                Metrics.counter("newswatch.errors", "component", "push", "reason", "invalid-json").increment();
                // a limit hit (nesting, number or string length) has no location
                respond(ex, 400, error("invalid JSON" + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr())
                        + ": " + e.getOriginalMessage()));
                return;
            }
            publish(ex, nodes);
        } catch (IOException | RuntimeException e) {
            log.warn("Push API request failed", e);
            respond(ex, 500, error("internal error"));
        } finally {
            ex.close();
        }
    }

    private void publish(HttpExchange ex, List<JsonNode> nodes) throws IOException {
        if (nodes.isEmpty()) {
            respond(ex, 400, error("no article in the request"));
            return;
        }
        List<RawArticle> parsed = new ArrayList<>();
        ArrayNode invalid = JSON.createArrayNode();
        for (int i = 0; i < nodes.size(); i++) {
            try {
                parsed.add(articles.parse(nodes.get(i), Origin.PUSH, clock.instant(), null));
            } catch (InvalidArticleException e) {
                for (InvalidArticleException.FieldError f : e.errors()) {
                    invalid.addObject().put("index", i).put("field", f.field()).put("message", f.message());
                }
            }
        }
        if (!invalid.isEmpty()) {
            Metrics.counter("newswatch.errors", "component", "push", "reason", "invalid-article").increment();
            ObjectNode body = error("invalid articles; nothing was accepted");
            body.set("errors", invalid);
            respond(ex, 400, body);
            return;
        }
        List<CompletableFuture<ArticleIntake.Outcome>> pending = new ArrayList<>();
        try {
            for (RawArticle a : parsed) {
                Metrics.counter("newswatch.articles.fetched", "source", "push").increment();
                pending.add(intake.submit(a));
            }
            ArrayNode accepted = JSON.createArrayNode();
            long deadline = System.nanoTime() + ackTimeout.toNanos();
            for (int i = 0; i < parsed.size(); i++) {
                ArticleIntake.Outcome o = pending.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                accepted.addObject().put("id", parsed.get(i).getId()).put("duplicate", o == ArticleIntake.Outcome.DUPLICATE);
            }
            ObjectNode body = JSON.createObjectNode();
            body.set("ids", JSON.valueToTree(parsed.stream().map(RawArticle::getId).toList()));
            body.set("articles", accepted);
            respond(ex, 202, body);
        } catch (TimeoutException | ExecutionException e) {
            ex.getResponseHeaders().add("Retry-After", "10");
            respond(ex, 503, error("Kafka did not acknowledge the articles in time; retry (duplicates are dropped)"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            respond(ex, 503, error("shutting down"));
        }
    }

    private static List<JsonNode> json(byte[] body) throws IOException {
        JsonNode root = JSON.readTree(body);
        List<JsonNode> nodes = new ArrayList<>();
        if (root != null && root.isArray()) {
            root.forEach(nodes::add);
        } else if (root != null) {
            nodes.add(root);
        }
        return nodes;
    }

    private static List<JsonNode> ndjson(byte[] body) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        try (MappingIterator<JsonNode> it = JSON.readerFor(JsonNode.class).readValues(body)) {
            while (it.hasNextValue()) {
                nodes.add(it.nextValue());
            }
        }
        return nodes;
    }

    private boolean authorised(HttpExchange ex) {
        if (token == null) {
            return true;
        }
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(token, auth.substring(7).strip().getBytes(StandardCharsets.UTF_8));
    }

    private byte[] readCapped(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[16384];
        int n;
        while ((n = in.read(buf)) > 0) {
            out.write(buf, 0, n);
            if (out.size() > maxBytes) {
                return null;
            }
        }
        return out.toByteArray();
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static ObjectNode error(String message) {
        return JSON.createObjectNode().put("error", message);
    }

    private static void respond(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
    }
}
