package io.newswatch.ingest;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newswatch.core.cli.ConnectionOptions;
import io.newswatch.core.cli.TopicOptions;
import io.newswatch.core.config.KafkaConnection;
import io.newswatch.core.serde.NewswatchSerdes;
import io.newswatch.core.topics.TopicProvisioner;
import io.newswatch.core.topics.Topics;
import io.newswatch.ingest.dedup.SeenArticles;
import io.newswatch.ingest.file.DirectoryIngestor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newswatch ingest}: publishes articles from a directory, watching it for new files. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Run the ingest service: article files in, raw articles on Kafka.")
public final class IngestCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(IngestCommand.class);

    @Mixin
    ConnectionOptions connectionOptions;

    @Mixin
    TopicOptions topicOptions;

    @Option(names = "--input", paramLabel = "DIR", required = true, defaultValue = "${env:NEWSWATCH_INPUT_DIR}",
            description = "Directory of article files (.txt) to publish and watch (env NEWSWATCH_INPUT_DIR).")
    Path input;

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "${env:NEWSWATCH_STATE_DIR:-.newswatch/ingest}",
            description = "Where ingest remembers what it published (env NEWSWATCH_STATE_DIR; default: ${DEFAULT-VALUE}).")
    Path stateDir;

    @Option(names = "--poll-interval", defaultValue = "5s", converter = DurationConverter.class,
            description = "How often the directory is scanned for new files (default: ${DEFAULT-VALUE}).")
    Duration pollInterval;

    @Option(names = "--once", description = "Publish what is there now and exit.")
    boolean once;

    @Override
    public Integer call() throws Exception {
        KafkaConnection connection = connectionOptions.connection();
        Topics topics = topicOptions.topics();
        try (Admin admin = Admin.create(connection.clientConfig())) {
            new TopicProvisioner(admin, topicOptions.layout()).ensure(List.of(topics.raw(), topics.deadLetter()));
        }
        try (NewswatchSerdes serdes = new NewswatchSerdes(connection.serdeConfig());
             ArticlePublisher publisher = new ArticlePublisher(connection, topics.raw(), serdes.rawArticle().serializer());
             SeenArticles seen = new SeenArticles(stateDir.resolve("published.txt"))) {
            DirectoryIngestor ingestor = new DirectoryIngestor(input, publisher, seen, Clock.systemUTC());
            do {
                int n = ingestor.ingestOnce();
                if (n > 0) {
                    log.info("Published {} articles from {}", n, input);
                }
                if (!once) {
                    Thread.sleep(pollInterval.toMillis());
                }
            } while (!once);
        }
        return 0;
    }

    /** Accepts 5s, 2m, 1h or ISO-8601 (PT5S). */
    public static final class DurationConverter implements picocli.CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String v = value.trim().toLowerCase(java.util.Locale.ROOT);
            if (v.matches("\\d+(ms|s|m|h|d)")) {
                long n = Long.parseLong(v.replaceAll("\\D", ""));
                return switch (v.replaceAll("\\d", "")) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
            return Duration.parse(value.trim().toUpperCase(java.util.Locale.ROOT));
        }
    }
}
