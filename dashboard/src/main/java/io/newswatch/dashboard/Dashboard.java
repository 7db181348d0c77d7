package io.newswatch.dashboard;

import java.time.Clock;
import java.time.Duration;

import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newswatch.core.config.KafkaConnection;
import io.newswatch.core.health.Health;
import io.newswatch.core.health.HealthIndicator;
import io.newswatch.core.health.HealthServer;
import io.newswatch.dashboard.feed.AlertFeed;
import io.newswatch.dashboard.http.Access;
import io.newswatch.dashboard.http.DashboardHandler;
import io.newswatch.dashboard.http.DashboardJson;
import io.newswatch.dashboard.sse.AlertStream;
import io.newswatch.dashboard.store.AlertStore;
import io.newswatch.dashboard.watchlists.WatchlistCatalog;
import io.newswatch.schemas.Alert;

/**
 * The live alert dashboard: reads the alert topic into a bounded in-memory view and serves the page
 * and its API on a service's health port ({@link #mountOn}). Closing it stops the feed and the live streams.
 */
public final class Dashboard implements AutoCloseable, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(Dashboard.class);
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final AlertStore store;
    private final AlertFeed feed;
    private final AlertStream stream;
    private final DashboardHandler handler;
    private final boolean protectedByToken;

    private Dashboard(AlertStore store, AlertFeed feed, AlertStream stream, DashboardHandler handler, boolean protectedByToken) {
        this.store = store;
        this.feed = feed;
        this.stream = stream;
        this.handler = handler;
        this.protectedByToken = protectedByToken;
    }

    /** Starts reading {@code topic} as consumer group {@code groupId}; the page is served once {@link #mountOn mounted}. */
    public static Dashboard start(KafkaConnection connection, String groupId, String topic, Deserializer<Alert> alerts,
            WatchlistCatalog catalog, DashboardOptions options, Clock clock) {
        AlertStore store = new AlertStore(options.capacity());
        AlertStream stream = new AlertStream(store, s -> DashboardJson.alert(s).toString(), HEARTBEAT);
        Access access = options.token() == null ? Access.open() : Access.token(options.token());
        DashboardHandler handler = new DashboardHandler(store, stream, catalog, access, clock);
        AlertFeed feed = new AlertFeed(connection, groupId, topic, alerts, store).start();
        return new Dashboard(store, feed, stream, handler, options.token() != null);
    }

    /** Serves the page and API on {@code server}'s port, next to its health endpoints; returns the page's URL. */
    public String mountOn(HealthServer server) {
        server.mount(handler);
        String url = server.localUrl().replace("127.0.0.1", "localhost") + "/";
        log.info("Dashboard on {}{}", url, protectedByToken ? " (token required)" : "");
        return url;
    }

    public AlertStore store() {
        return store;
    }

    @Override
    public String healthName() {
        return feed.healthName();
    }

    @Override
    public Health health() {
        return feed.health();
    }

    @Override
    public void close() throws InterruptedException {
        stream.close();
        feed.close();
    }

    /** For the shutdown log. */
    @Override
    public String toString() {
        return "dashboard (" + store.size() + " alerts, " + stream.clients() + " live clients)";
    }

}
