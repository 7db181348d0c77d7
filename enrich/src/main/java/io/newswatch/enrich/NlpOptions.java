package io.newswatch.enrich;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.newswatch.enrich.embed.EmbeddingCache;
import io.newswatch.enrich.gazetteer.Gazetteer;
import io.newswatch.enrich.nlp.NerModelChoice;
import io.newswatch.enrich.nlp.NlpConfig;
import io.newswatch.enrich.story.StoryIndex;
import io.newswatch.enrich.topic.TopicClassifierChoice;
import io.newswatch.watchlist.InvalidWatchlistException;
import io.newswatch.watchlist.Watchlist;
import io.newswatch.watchlist.WatchlistFiles;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** Options of the enrichment: models, dictionary, taxonomy, story window. */
public class NlpOptions {

    @Option(names = "--ner-model", paramLabel = "fast|accurate|ensemble|FILE",
            defaultValue = "${env:NEWSWATCH_NER_MODEL:-fast}",
            description = "English name finder: fast (CoNLL-2003 Brown-cluster model), accurate (larger "
                    + "cluster model, ~1 GB heap), ensemble (both) or an OpenNLP TokenNameFinderModel file "
                    + "(env NEWSWATCH_NER_MODEL; default: ${DEFAULT-VALUE}).")
    String nerModel;

    @Option(names = "--ner-model-for", paramLabel = "LANG=FILE",
            description = "Name finder model for another language, by ISO 639-3 code (e.g. deu=de-ner.bin); repeatable.")
    Map<String, Path> otherNer = new LinkedHashMap<>();

    @Option(names = "--watchlists", paramLabel = "FILE", defaultValue = "${env:NEWSWATCH_WATCHLISTS}",
            description = "Watch-list file whose entity names and aliases are also looked up in articles "
                    + "(env NEWSWATCH_WATCHLISTS; default: the bundled example watch-lists).")
    Path watchlists;

    @Option(names = "--gazetteer", paramLabel = "FILE",
            description = "Gazetteer YAML adding to the bundled places, nationalities and organisations; repeatable.")
    List<Path> gazetteers = new java.util.ArrayList<>();

    @Option(names = "--taxonomy", paramLabel = "FILE", defaultValue = "${env:NEWSWATCH_TAXONOMY}",
            description = "Topic taxonomy YAML (env NEWSWATCH_TAXONOMY; default: the bundled IPTC Media Topics top level).")
    Path taxonomy;

    @Option(names = "--topic-classifier", paramLabel = "semantic|cues|FILE",
            defaultValue = "${env:NEWSWATCH_TOPIC_CLASSIFIER:-semantic}",
            description = "Topics: semantic (sentence embeddings against the taxonomy's exemplars, fused with its cues), "
                    + "cues (the taxonomy's cue words only) or a model FILE trained with 'newswatch train-topics' "
                    + "(env NEWSWATCH_TOPIC_CLASSIFIER; default: ${DEFAULT-VALUE}).")
    String topicClassifier;

    @Option(names = "--topic-model", paramLabel = "FILE", defaultValue = "${env:NEWSWATCH_TOPIC_MODEL}",
            description = "Same as --topic-classifier FILE (env NEWSWATCH_TOPIC_MODEL).")
    Path topicModel;

    @Option(names = "--story-window", paramLabel = "DURATION", defaultValue = "72h", converter = DurationConverter.class,
            description = "Articles further apart than this are never one story (e.g. 72h, 3d; default: ${DEFAULT-VALUE}).")
    Duration storyWindow = StoryIndex.DEFAULT_WINDOW;

    @Option(names = "--max-chars", defaultValue = "" + NlpConfig.DEFAULT_MAX_CHARS,
            description = "Longer texts are cut to this many characters and flagged TRUNCATED (default: ${DEFAULT-VALUE}).")
    int maxChars = NlpConfig.DEFAULT_MAX_CHARS;

    public NlpConfig config() {
        Map<String, Path> others = new LinkedHashMap<>();
        otherNer.forEach((lang, file) -> others.put(lang.toLowerCase(Locale.ROOT), file));
        return new NlpConfig(NerModelChoice.parse(nerModel), Map.copyOf(others), maxChars);
    }

    public List<Watchlist> loadWatchlists() throws InvalidWatchlistException {
        return (watchlists == null ? WatchlistFiles.loadDefault() : WatchlistFiles.load(watchlists)).watchlists();
    }

    /** {@code cache}: where the topic exemplars' embeddings are kept between starts. */
    public NlpEnricher enricher(EmbeddingCache cache, Clock clock) throws InvalidWatchlistException {
        return EnricherFactory.createWithTopics(config(), loadWatchlists(), Gazetteer.bundledWith(gazetteers), taxonomy,
                topicClassifier(), cache, clock);
    }

    public TopicClassifierChoice topicClassifier() {
        return topicModel != null ? new TopicClassifierChoice.Model(topicModel) : TopicClassifierChoice.parse(topicClassifier);
    }

    public Duration storyWindow() {
        return storyWindow;
    }

    /** Durations such as 90m, 72h, 3d, or ISO-8601 (PT72H). */
    public static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            if (v.startsWith("p")) {
                return Duration.parse(value.strip().toUpperCase(Locale.ROOT));
            }
            long n = Long.parseLong(v.substring(0, v.length() - 1));
            return switch (v.charAt(v.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new IllegalArgumentException("use a number with s, m, h or d, e.g. 72h; was '" + value + "'");
            };
        }
    }
}
