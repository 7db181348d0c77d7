package io.newswatch.enrich;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

import io.newswatch.schemas.EnrichedArticle;
import io.newswatch.schemas.RawArticle;

/** Raw articles in, enriched articles out, same key (the article id). */
public final class EnrichTopology {

    private EnrichTopology() {
    }

    public static void build(StreamsBuilder builder, String rawTopic, String enrichedTopic,
            Serde<RawArticle> rawSerde, Serde<EnrichedArticle> enrichedSerde, Enricher enricher) {
        builder.stream(rawTopic, Consumed.with(Serdes.String(), rawSerde).withName("raw-articles"))
                .filter((id, article) -> article != null, Named.as("drop-tombstones"))
                .mapValues(enricher::enrich, Named.as("enrich"))
                .to(enrichedTopic, Produced.with(Serdes.String(), enrichedSerde).withName("enriched-articles"));
    }
}
