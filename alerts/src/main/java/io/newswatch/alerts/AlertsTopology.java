package io.newswatch.alerts;

import java.time.Clock;
import java.util.function.Supplier;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

import io.newswatch.alerts.match.WatchlistMatcher;
import io.newswatch.schemas.Alert;
import io.newswatch.schemas.EnrichedArticle;

/**
 * Enriched articles in, alerts out. Articles are first regrouped by story so that every copy of a
 * story meets the same task and the same "already alerted" state: that is what makes it one alert
 * per (watch-list, story), however many outlets carry the story.
 */
public final class AlertsTopology {

    public static final String ALERTED_STORE = "alerted-stories";

    private AlertsTopology() {
    }

    public static void build(StreamsBuilder builder, String enrichedTopic, String alertsTopic,
            Serde<EnrichedArticle> enrichedSerde, Serde<Alert> alertSerde, Supplier<WatchlistMatcher> matcher,
            Clock clock) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ALERTED_STORE),
                Serdes.String(), Serdes.String()));
        KStream<String, Alert> alerts = builder
                .stream(enrichedTopic, Consumed.with(Serdes.String(), enrichedSerde).withName("enriched-articles"))
                .filter((id, article) -> article != null, Named.as("drop-tombstones"))
                .selectKey((id, article) -> article.getStoryId(), Named.as("key-by-story"))
                .repartition(Repartitioned.with(Serdes.String(), enrichedSerde).withName("by-story"))
                .process(() -> new StoryAlertProcessor(matcher, clock), Named.as("match-and-throttle"), ALERTED_STORE);
        alerts.to(alertsTopic, Produced.with(Serdes.String(), alertSerde).withName("alerts"));
    }
}
