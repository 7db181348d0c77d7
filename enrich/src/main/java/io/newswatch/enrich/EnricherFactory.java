package io.newswatch.enrich;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newswatch.enrich.embed.EmbeddingCache;
import io.newswatch.enrich.entity.EntityDictionary;
import io.newswatch.enrich.gazetteer.Gazetteer;
import io.newswatch.enrich.nlp.NlpConfig;
import io.newswatch.enrich.nlp.NlpModels;
import io.newswatch.enrich.nlp.TextAnalyzer;
import io.newswatch.enrich.topic.Taxonomy;
import io.newswatch.enrich.topic.TopicClassifier;
import io.newswatch.enrich.topic.TopicClassifierChoice;
import io.newswatch.enrich.topic.TopicClassifiers;
import io.newswatch.watchlist.InvalidWatchlistException;
import io.newswatch.watchlist.Watchlist;
import io.newswatch.watchlist.WatchlistFiles;

/** Builds the standard {@link NlpEnricher} from configuration. */
public final class EnricherFactory {

    private static final Logger log = LoggerFactory.getLogger(EnricherFactory.class);

    private EnricherFactory() {
    }

    /**
     * @param taxonomyFile  topic taxonomy YAML, or null for the bundled IPTC top level
     * @param topicModel    trained topic model, or null for the semantic classifier
     */
    public static NlpEnricher create(NlpConfig config, List<Watchlist> watchlists, Path taxonomyFile, Path topicModel,
            Clock clock) {
        return createWithTopics(config, watchlists, Gazetteer.bundled(), taxonomyFile,
                topicModel == null ? TopicClassifierChoice.SEMANTIC : new TopicClassifierChoice.Model(topicModel), clock);
    }

    /** @param taxonomyFile topic taxonomy YAML, or null for the bundled IPTC top level */
    public static NlpEnricher createWithTopics(NlpConfig config, List<Watchlist> watchlists, Path taxonomyFile,
            TopicClassifierChoice topics, Clock clock) {
        return createWithTopics(config, watchlists, Gazetteer.bundled(), taxonomyFile, topics, clock);
    }

    /** The enricher with the given gazetteer, taxonomy and topic classifier. */
    public static NlpEnricher createWithTopics(NlpConfig config, List<Watchlist> watchlists, Gazetteer gazetteer,
            Path taxonomyFile, TopicClassifierChoice topics, Clock clock) {
        return createWithTopics(config, watchlists, gazetteer, taxonomyFile, topics, EmbeddingCache.none(), clock);
    }

    /** As above; {@code cache} keeps the topic exemplars' embeddings between starts. */
    public static NlpEnricher createWithTopics(NlpConfig config, List<Watchlist> watchlists, Gazetteer gazetteer,
            Path taxonomyFile, TopicClassifierChoice topics, EmbeddingCache cache, Clock clock) {
        TopicClassifier classifier = topics(taxonomyFile, topics, cache);
        TextAnalyzer analyzer = new TextAnalyzer(NlpModels.shared(config));
        EntityDictionary dictionary = EntityDictionary.fromWatchlists(watchlists);
        log.info("entity dictionary: {} names from {} watch-lists", dictionary.size(), watchlists.size());
        log.info("gazetteer {}: {} names", gazetteer.version(), gazetteer.size());
        return new NlpEnricher(analyzer, dictionary, gazetteer, classifier, config.maxChars(), clock);
    }

    /** The defaults: fast English NER, bundled taxonomy, the given watch-lists' names. */
    public static NlpEnricher standard(List<Watchlist> watchlists, Clock clock) {
        return standard(watchlists, EmbeddingCache.none(), clock);
    }

    /** The defaults, keeping the topic exemplars' embeddings in {@code cache} between starts. */
    public static NlpEnricher standard(List<Watchlist> watchlists, EmbeddingCache cache, Clock clock) {
        return createWithTopics(NlpConfig.defaults(), watchlists, Gazetteer.bundled(), null, TopicClassifierChoice.SEMANTIC,
                cache, clock);
    }

    /** The defaults, with the dictionary from a watch-list file (or the bundled ones when null). */
    public static NlpEnricher standard(Path watchlistFile, Clock clock) throws InvalidWatchlistException {
        return standard((watchlistFile == null ? WatchlistFiles.loadDefault() : WatchlistFiles.load(watchlistFile))
                .watchlists(), clock);
    }

    static TopicClassifier topics(Path taxonomyFile, TopicClassifierChoice choice, EmbeddingCache cache) {
        try {
            Taxonomy taxonomy = taxonomyFile == null ? Taxonomy.loadDefault() : Taxonomy.load(taxonomyFile);
            return TopicClassifiers.create(taxonomy, choice, cache);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read taxonomy " + taxonomyFile + ": " + e, e);
        }
    }
}
