package io.newswatch.enrich;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newswatch.enrich.entity.EntityDictionary;
import io.newswatch.enrich.gazetteer.Gazetteer;
import io.newswatch.enrich.nlp.NlpConfig;
import io.newswatch.enrich.nlp.NlpModels;
import io.newswatch.enrich.nlp.TextAnalyzer;
import io.newswatch.enrich.topic.CueTopicClassifier;
import io.newswatch.enrich.topic.DoccatTopicClassifier;
import io.newswatch.enrich.topic.Taxonomy;
import io.newswatch.enrich.topic.TopicClassifier;
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
     * @param topicModel    trained topic model, or null to score the taxonomy's cues
     */
    public static NlpEnricher create(NlpConfig config, List<Watchlist> watchlists, Path taxonomyFile, Path topicModel,
            Clock clock) {
        return create(config, watchlists, Gazetteer.bundled(), taxonomyFile, topicModel, clock);
    }

    /** {@link #create(NlpConfig, List, Path, Path, Clock)} with the given gazetteer. */
    public static NlpEnricher create(NlpConfig config, List<Watchlist> watchlists, Gazetteer gazetteer, Path taxonomyFile,
            Path topicModel, Clock clock) {
        TextAnalyzer analyzer = new TextAnalyzer(NlpModels.shared(config));
        EntityDictionary dictionary = EntityDictionary.fromWatchlists(watchlists);
        log.info("entity dictionary: {} names from {} watch-lists", dictionary.size(), watchlists.size());
        log.info("gazetteer {}: {} names", gazetteer.version(), gazetteer.size());
        return new NlpEnricher(analyzer, dictionary, gazetteer, topics(taxonomyFile, topicModel), config.maxChars(), clock);
    }

    /** The defaults: fast English NER, bundled taxonomy, the given watch-lists' names. */
    public static NlpEnricher standard(List<Watchlist> watchlists, Clock clock) {
        return create(NlpConfig.defaults(), watchlists, null, null, clock);
    }

    /** The defaults, with the dictionary from a watch-list file (or the bundled ones when null). */
    public static NlpEnricher standard(Path watchlistFile, Clock clock) throws InvalidWatchlistException {
        return standard((watchlistFile == null ? WatchlistFiles.loadDefault() : WatchlistFiles.load(watchlistFile))
                .watchlists(), clock);
    }

    static TopicClassifier topics(Path taxonomyFile, Path topicModel) {
        try {
            Taxonomy taxonomy = taxonomyFile == null ? Taxonomy.loadDefault() : Taxonomy.load(taxonomyFile);
            if (topicModel != null) {
                return DoccatTopicClassifier.load(topicModel, taxonomy.labels(), taxonomy.threshold(), taxonomy.topK());
            }
            return new CueTopicClassifier(taxonomy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
