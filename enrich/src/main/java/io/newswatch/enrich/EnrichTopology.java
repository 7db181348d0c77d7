package io.newswatch.enrich;

import java.time.Duration;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.newswatch.enrich.story.StoryAssigner;
import io.newswatch.schemas.EnrichedArticle;
import io.newswatch.schemas.RawArticle;

/**
 * Raw articles in, enriched articles out, same key (the article id).
 *
 * <p>NLP runs in parallel on the raw topic's partitions. Story assignment must compare each article
 * with all recent ones, so the enriched articles then pass through a single-partition topic
 * ({@value #STORY_REPARTITION}) to one task that owns the story state store. That task does only
 * cheap signature comparisons; the NLP before it scales with partitions and instances.
 */
public final class EnrichTopology {

    public static final String STORY_REPARTITION = "story-assignment";

    private EnrichTopology() {
    }

    public static void build(StreamsBuilder builder, String rawTopic, String enrichedTopic,
            Serde<RawArticle> rawSerde, Serde<EnrichedArticle> enrichedSerde, Enricher enricher, Duration storyWindow) {
        Counter enriched = Metrics.counter("newswatch.articles.enriched");
        builder.addStateStore(StoryAssigner.storeBuilder());
        builder.stream(rawTopic, Consumed.with(Serdes.String(), rawSerde).withName("raw-articles"))
                .filter((id, article) -> article != null, Named.as("drop-tombstones"))
                .mapValues(enricher::enrich, Named.as("enrich"))
                .repartition(Repartitioned.<String, EnrichedArticle>as(STORY_REPARTITION)
                        .withKeySerde(Serdes.String()).withValueSerde(enrichedSerde).withNumberOfPartitions(1))
                .processValues(() -> new StoryAssigner(storyWindow), Named.as("assign-story"), StoryAssigner.STORE)
                .peek((id, article) -> enriched.increment(), Named.as("count-enriched"))
                .to(enrichedTopic, Produced.with(Serdes.String(), enrichedSerde).withName("enriched-articles"));
    }
}
