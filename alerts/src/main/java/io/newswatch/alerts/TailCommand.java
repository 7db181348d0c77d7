package io.newswatch.alerts;

import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.newswatch.core.cli.ConnectionOptions;
import io.newswatch.core.config.KafkaConnection;
import io.newswatch.core.serde.NewswatchSerdes;
import io.newswatch.core.topics.Topics;
import io.newswatch.schemas.Alert;
import io.newswatch.schemas.Severity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newswatch tail}: prints alerts as they arrive. */
@Command(name = "tail", mixinStandardHelpOptions = true, description = "Print alerts as they arrive.")
public final class TailCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connectionOptions;

    @Option(names = "--topic", defaultValue = "${env:NEWSWATCH_TOPIC_ALERTS:-" + Topics.DEFAULT_ALERTS + "}",
            description = "Alert topic to read (a per-watch-list topic works too; default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = "--watchlist", paramLabel = "ID", description = "Only alerts of this watch-list. Repeatable.")
    List<String> watchlists = List.of();

    @Option(names = "--severity", paramLabel = "LEVEL", description = "Only alerts at or above: low, medium, high, critical.",
            converter = SeverityConverter.class)
    Severity minSeverity;

    @Option(names = "--from-beginning", description = "Start with the oldest alert still kept, not with new ones.")
    boolean fromBeginning;

    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;

    @Option(names = "--max", paramLabel = "N", description = "Exit after printing N alerts.")
    Integer max;

    @Override
    public Integer call() throws Exception {
        KafkaConnection connection = connectionOptions.connection();
        AtomicBoolean done = new AtomicBoolean();
        try (NewswatchSerdes serdes = new NewswatchSerdes(connection.serdeConfig());
             Serde<Alert> alertSerde = serdes.alert();
             KafkaConsumer<String, Alert> consumer = new KafkaConsumer<>(consumerConfig(connection),
                     new StringDeserializer(), alertSerde.deserializer())) {
            Thread main = Thread.currentThread();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                done.set(true);
                consumer.wakeup();
                try {
                    main.join(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            consumer.subscribe(Set.of(topic));
            int printed = 0;
            PrintStream out = System.out;
            while (!done.get() && (max == null || printed < max)) {
                for (ConsumerRecord<String, Alert> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.value() != null && accepts(r.value()) && (max == null || printed < max)) {
                        out.println(json ? AlertFormat.json(r.value()) : AlertFormat.readable(r.value()) + System.lineSeparator());
                        printed++;
                    }
                }
                out.flush();
            }
        } catch (WakeupException e) {
            // Ctrl-C
        }
        return 0;
    }

    boolean accepts(Alert alert) {
        return (watchlists.isEmpty() || watchlists.contains(alert.getWatchlistId()))
                && (minSeverity == null || alert.getSeverity().ordinal() >= minSeverity.ordinal());
    }

    private Map<String, Object> consumerConfig(KafkaConnection connection) {
        Map<String, Object> config = new HashMap<>(connection.clientConfig());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "newswatch-tail-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, fromBeginning ? "earliest" : "latest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return config;
    }

    static final class SeverityConverter implements picocli.CommandLine.ITypeConverter<Severity> {
        @Override
        public Severity convert(String value) {
            return Severity.valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }
    }
}
