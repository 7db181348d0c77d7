package io.newswatch.dashboard.sse;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.net.httpserver.HttpExchange;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import io.newswatch.dashboard.store.AlertFilter;
import io.newswatch.dashboard.store.AlertStore;
import io.newswatch.dashboard.store.StoredAlert;

/**
 * The live alert stream as server-sent events: each new alert that passes a client's filter is one
 * {@code alert} event whose id is the alert's sequence number, so a browser that reconnects (it sends
 * {@code Last-Event-ID}) gets what it missed. Clients are served from one thread of their own, never
 * from the HTTP server's thread; a comment line every {@code heartbeat} keeps proxies from closing
 * idle connections and finds clients that went away.
 */
public final class AlertStream implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AlertStream.class);

    private final AlertStore store;
    private final Function<StoredAlert, String> json;
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "dashboard-sse");
        t.setDaemon(true);
        return t;
    });
    private final List<Client> clients = new ArrayList<>(); // touched only by the sender thread
    private volatile int clientCount;

    public AlertStream(AlertStore store, Function<StoredAlert, String> json, Duration heartbeat) {
        this.store = store;
        this.json = json;
        store.onAdded(stored -> sender.execute(() -> broadcast(stored)));
        sender.scheduleWithFixedDelay(this::heartbeat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
        Gauge.builder("newswatch.dashboard.stream.clients", this, s -> s.clientCount)
                .description("Browsers following the live alert stream").register(Metrics.globalRegistry);
    }

    public int clients() {
        return clientCount;
    }

    private static final class Client {
        final HttpExchange exchange;
        final OutputStream out;
        final AlertFilter filter;
        long lastSent;

        Client(HttpExchange exchange, AlertFilter filter, long after) {
            this.exchange = exchange;
            this.out = exchange.getResponseBody();
            this.filter = filter;
            this.lastSent = after;
        }
    }

    /**
     * Takes over {@code exchange} (left open when this returns): answers with the event stream, sends
     * the stored alerts after sequence number {@code after} (none when negative) and then every new one.
     */
    public void open(HttpExchange exchange, AlertFilter filter, long after) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Accel-Buffering", "no");
        exchange.sendResponseHeaders(200, 0);
        long from = after < 0 ? store.lastSeq() : after;
        Client client = new Client(exchange, filter, from);
        sender.execute(() -> {
            try {
                write(client, "retry: 3000\n: newswatch alert stream\n\n");
                for (StoredAlert missed : store.after(from, filter)) {
                    send(client, missed);
                }
                clients.add(client);
                clientCount = clients.size();
            } catch (IOException e) {
                drop(client);
            }
        });
    }

    private void broadcast(StoredAlert stored) {
        for (Client c : List.copyOf(clients)) {
            if (stored.seq() <= c.lastSent || !c.filter.matches(stored.alert())) {
                continue;
            }
            try {
                send(c, stored);
            } catch (IOException e) {
                drop(c);
            }
        }
    }

    private void send(Client c, StoredAlert stored) throws IOException {
        write(c, "id: " + stored.seq() + "\nevent: alert\ndata: " + json.apply(stored) + "\n\n");
        c.lastSent = stored.seq();
    }

    private void heartbeat() {
        for (Client c : List.copyOf(clients)) {
            try {
                write(c, ": keep-alive\n\n");
            } catch (IOException e) {
                drop(c);
            }
        }
    }

    private static void write(Client c, String text) throws IOException {
        c.out.write(text.getBytes(StandardCharsets.UTF_8));
        c.out.flush();
    }

    private void drop(Client c) {
        clients.remove(c);
        clientCount = clients.size();
        c.exchange.close();
        log.debug("Dashboard stream client {} left", c.exchange.getRemoteAddress());
    }

    @Override
    public void close() {
        try {
            sender.submit(() -> List.copyOf(clients).forEach(this::drop)).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.debug("Closing the stream clients", e);
        }
        sender.shutdownNow();
    }
}
