package io.newswatch.alerts;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.Supplier;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.RecordContext;
import org.apache.kafka.streams.processor.TopicNameExtractor;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;

import io.newswatch.alerts.match.WatchlistMatcher;
import io.newswatch.schemas.Alert;
import io.newswatch.schemas.EnrichedArticle;

/**
 * Enriched articles in, alerts out. Articles are first regrouped by story so that every copy of a
 * story meets the same task and the same "already alerted" state: that is what makes it one alert
 * per (watch-list, story), however many outlets carry the story. Every alert goes to the alerts
 * topic keyed by watch-list id; an alert whose watch-list has its own topic also goes there.
 */
public final class AlertsTopology {

    public static final String ALERTED_STORE = "alerted-stories";
    /** Header naming the watch-list's own topic, set by the matching step for the routing sink. */
    static final String ROUTE_HEADER = "newswatch.route";

    private AlertsTopology() {
    }

    /** What the topology does besides matching. */
    public record Options(AlertRouting routing, boolean updateAlerts) {
        public static Options defaults() {
            return new Options(AlertRouting.none(), false);
        }
    }

    public static void build(StreamsBuilder builder, String enrichedTopic, String alertsTopic,
            Serde<EnrichedArticle> enrichedSerde, Serde<Alert> alertSerde, Supplier<WatchlistMatcher> matcher,
            Clock clock) {
        build(builder, enrichedTopic, alertsTopic, enrichedSerde, alertSerde, matcher, clock, Options.defaults());
    }

    public static void build(StreamsBuilder builder, String enrichedTopic, String alertsTopic,
            Serde<EnrichedArticle> enrichedSerde, Serde<Alert> alertSerde, Supplier<WatchlistMatcher> matcher,
            Clock clock, Options options) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ALERTED_STORE),
                Serdes.String(), Serdes.String()));
        KStream<String, Alert> alerts = builder
                .stream(enrichedTopic, Consumed.with(Serdes.String(), enrichedSerde).withName("enriched-articles"))
                .filter((id, article) -> article != null, Named.as("drop-tombstones"))
                .selectKey((id, article) -> article.getStoryId(), Named.as("key-by-story"))
                .repartition(Repartitioned.with(Serdes.String(), enrichedSerde).withName("by-story"))
                .process(() -> new StoryAlertProcessor(matcher, clock, options), Named.as("match-and-throttle"),
                        ALERTED_STORE);
        alerts.to(alertsTopic, Produced.with(Serdes.String(), alertSerde).withName("alerts"));
        alerts.process(RoutedOnly::new, Named.as("per-watchlist"))
                .to(new RouteFromHeader(alertsTopic), Produced.with(Serdes.String(), alertSerde).withName("watchlist-topics"));
    }

    /** Passes on only the alerts whose watch-list has a topic of its own (they carry the route header). */
    private static final class RoutedOnly implements Processor<String, Alert, String, Alert> {
        private ProcessorContext<String, Alert> context;

        @Override
        public void init(ProcessorContext<String, Alert> context) {
            this.context = context;
        }

        @Override
        public void process(Record<String, Alert> record) {
            if (record.headers().lastHeader(ROUTE_HEADER) != null) {
                context.forward(record);
            }
        }
    }

    /** The topic named in the alert's route header. */
    private record RouteFromHeader(String fallback) implements TopicNameExtractor<String, Alert> {
        @Override
        public String extract(String key, Alert value, RecordContext context) {
            Header h = context.headers().lastHeader(ROUTE_HEADER);
            return h == null ? fallback : new String(h.value(), StandardCharsets.UTF_8);
        }
    }
}
