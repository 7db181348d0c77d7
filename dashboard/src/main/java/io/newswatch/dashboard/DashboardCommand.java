package io.newswatch.dashboard;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newswatch.alerts.reload.WatchlistReloader;
import io.newswatch.core.ServiceLifecycle;
import io.newswatch.core.cli.ConnectionOptions;
import io.newswatch.core.cli.TopicOptions;
import io.newswatch.core.config.KafkaConnection;
import io.newswatch.core.health.HealthServer;
import io.newswatch.core.health.HealthSettings;
import io.newswatch.core.serde.NewswatchSerdes;
import io.newswatch.core.topics.TopicProvisioner;
import io.newswatch.core.topics.Topics;
import io.newswatch.dashboard.watchlists.WatchlistCatalog;
import io.newswatch.watchlist.InvalidWatchlistException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code newswatch dashboard}: the alert dashboard as a service of its own, for clusters. Reads the
 * alert topic from Kafka and the watch-list files (the same ones the alerts service is given, to show
 * their definitions and state), and serves the page on the health port.
 */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
        description = "Run the live alert dashboard: the alert topic in, a web page and JSON API out (on the health port, 8080).")
public final class DashboardCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(DashboardCommand.class);

    @Mixin
    ConnectionOptions connectionOptions;

    @Mixin
    TopicOptions topicOptions;

    @Mixin
    DashboardOptions dashboardOptions;

    @Option(names = "--group-id", paramLabel = "GROUP", defaultValue = "${env:NEWSWATCH_DASHBOARD_GROUP:-newswatch-dashboard}",
            description = "Consumer group the dashboard commits its positions under, for lag monitoring and ACLs; every "
                    + "replica still reads all partitions (env NEWSWATCH_DASHBOARD_GROUP; default: ${DEFAULT-VALUE}).")
    String groupId;

    @Option(names = "--watchlists", paramLabel = "FILE|DIR", defaultValue = "${env:NEWSWATCH_WATCHLISTS}",
            description = "The alerts service's watch-list file or directory, shown on the watch-list page and followed "
                    + "as it changes (env NEWSWATCH_WATCHLISTS; default: the bundled examples).")
    Path watchlists;

    @Option(names = "--watchlists-check-interval", paramLabel = "DURATION",
            defaultValue = "${env:NEWSWATCH_WATCHLISTS_CHECK_INTERVAL:-PT30S}",
            description = "How often the watch-list files are compared with the shown version (ISO-8601; default: ${DEFAULT-VALUE}).")
    Duration checkInterval;

    @Override
    public Integer call() throws Exception {
        KafkaConnection connection = connectionOptions.connection();
        Topics topics = topicOptions.topics();
        List<AutoCloseable> parts = new ArrayList<>();
        WatchlistReloader reloader;
        try {
            reloader = WatchlistReloader.start(watchlists, Clock.systemUTC(), checkInterval, compiled -> { });
        } catch (InvalidWatchlistException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        parts.add(reloader);
        try (Admin admin = Admin.create(connection.clientConfig())) {
            new TopicProvisioner(admin, topicOptions.layout()).ensure(List.of(topics.alerts()));
        }
        NewswatchSerdes serdes = new NewswatchSerdes(connection.serdeConfig());
        parts.add(serdes);
        Dashboard dashboard = Dashboard.start(connection, groupId, topics.alerts(), serdes.alert().deserializer(),
                WatchlistCatalog.of(reloader), dashboardOptions, Clock.systemUTC());
        parts.add(dashboard);
        HealthServer server = ServiceLifecycle.serveHealth("dashboard", parts);
        if (server == null) {
            System.err.println("newswatch dashboard: the dashboard is served on the health port; set "
                    + HealthSettings.PORT_ENV + " to a free port");
            ServiceLifecycle.closeAll(parts);
            return 2;
        }
        parts.add(server); // closed first
        System.err.println("newswatch dashboard: " + dashboard.mountOn(server));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("dashboard: shutting down");
            ServiceLifecycle.closeAll(parts);
            stopped.countDown();
        }, "dashboard-shutdown"));
        stopped.await();
        return 0;
    }
}
