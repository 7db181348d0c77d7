package io.newswatch.enrich.story;

import java.time.Duration;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newswatch.schemas.EnrichedArticle;

/**
 * Sets the story id of each enriched article from a {@link StoryIndex} kept in a state store
 * (article id → signature). Every article must reach the same task for the comparison to see all
 * candidates: the topology routes them through a single-partition topic. Entries older than the
 * window are purged by a wall-clock punctuation.
 */
public final class StoryAssigner implements FixedKeyProcessor<String, EnrichedArticle, EnrichedArticle> {

    public static final String STORE = "story-signatures";
    static final Duration PURGE_INTERVAL = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(StoryAssigner.class);

    private final Duration window;
    private FixedKeyProcessorContext<String, EnrichedArticle> context;
    private StoryIndex index;

    public StoryAssigner(Duration window) {
        this.window = window;
    }

    public static StoreBuilder<KeyValueStore<String, byte[]>> storeBuilder() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.ByteArray());
    }

    @Override
    public void init(FixedKeyProcessorContext<String, EnrichedArticle> context) {
        this.context = context;
        KeyValueStore<String, byte[]> store = context.getStateStore(STORE);
        index = new StoryIndex(window, new StoryIndex.Backing() {
            @Override
            public void put(String articleId, StorySignature signature) {
                store.put(articleId, signature.toBytes());
            }

            @Override
            public void delete(String articleId) {
                store.delete(articleId);
            }
        });
        // The store is the truth (restored from its changelog after a move); keep a copy in memory,
        // with its candidate lookup, for fast comparisons.
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            all.forEachRemaining(kv -> index.restore(StorySignature.fromBytes(kv.value)));
        }
        log.info("story index restored with {} articles", index.size());
        context.schedule(PURGE_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> {
            int removed = index.purge();
            if (removed > 0) {
                log.debug("purged {} story signatures older than {}", removed, window);
            }
        });
    }

    @Override
    public void process(FixedKeyRecord<String, EnrichedArticle> record) {
        EnrichedArticle article = record.value();
        String storyId = index.assign(StorySignatures.of(article));
        article.setStoryId(storyId);
        context.forward(record.withValue(article));
    }
}
