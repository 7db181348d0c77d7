package io.newswatch.enrich;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Metrics;
import io.newswatch.enrich.StageTimes.Stage;
import io.newswatch.enrich.entity.DocumentNames;
import io.newswatch.enrich.entity.EntityDictionary;
import io.newswatch.enrich.entity.EntityResolver;
import io.newswatch.enrich.entity.FoundMention;
import io.newswatch.enrich.entity.MentionCleaner;
import io.newswatch.enrich.gazetteer.Gazetteer;
import io.newswatch.enrich.nlp.AnalyzedText;
import io.newswatch.enrich.nlp.LanguageGuess;
import io.newswatch.enrich.nlp.NameMention;
import io.newswatch.enrich.nlp.TextAnalyzer;
import io.newswatch.enrich.topic.TopicAssignment;
import io.newswatch.enrich.topic.TopicClassifier;
import io.newswatch.schemas.EnrichedArticle;
import io.newswatch.schemas.Entity;
import io.newswatch.schemas.EntityType;
import io.newswatch.schemas.Field;
import io.newswatch.schemas.Language;
import io.newswatch.schemas.RawArticle;
import io.newswatch.schemas.Topic;

/**
 * The enricher: language, sentences and tokens, named entities (model + watch-list dictionary,
 * merged into entities), topics. The story id is the article id here; the story step of the
 * topology replaces it. A part that fails is flagged on the record and the rest still delivered.
 */
public final class NlpEnricher implements Enricher {

    public static final String FLAG_TRUNCATED = "TRUNCATED";
    public static final String FLAG_EMPTY = "EMPTY_TEXT";
    public static final String FLAG_NO_NER_MODEL = "NO_NER_MODEL";
    public static final String FLAG_NER_FAILED = "NER_FAILED";
    public static final String FLAG_TOPICS_FAILED = "TOPICS_FAILED";
    public static final String FLAG_LANGUAGE_FROM_HINT = "LANGUAGE_FROM_HINT";
    public static final String FLAG_NER_IN_ENGLISH = "NER_IN_ENGLISH";
    /** The name finder used when detection is unsure of a language that has none. */
    static final String FALLBACK_NER_LANGUAGE = "eng";

    /** Below this confidence a language hint from the source wins over detection. */
    static final double CONFIDENT = 0.5;

    private static final Logger log = LoggerFactory.getLogger(NlpEnricher.class);

    private final TextAnalyzer analyzer;
    private final EntityDictionary dictionary;
    private final TopicClassifier topics;
    private final int maxChars;
    private final Clock clock;
    private final Gazetteer gazetteer;

    public NlpEnricher(TextAnalyzer analyzer, EntityDictionary dictionary, TopicClassifier topics, int maxChars,
            Clock clock) {
        this(analyzer, dictionary, Gazetteer.bundled(), topics, maxChars, clock);
    }

    public NlpEnricher(TextAnalyzer analyzer, EntityDictionary dictionary, Gazetteer gazetteer, TopicClassifier topics,
            int maxChars, Clock clock) {
        this.analyzer = analyzer;
        this.dictionary = dictionary;
        this.gazetteer = gazetteer;
        this.topics = topics;
        this.maxChars = maxChars;
        this.clock = clock;
    }

    @Override
    public EnrichedArticle enrich(RawArticle article) {
        return enrich(article, null);
    }

    /** {@link #enrich(RawArticle)}, adding the time of each step to {@code times} when not null. */
    public EnrichedArticle enrich(RawArticle article, StageTimes times) {
        return analyse(article, times).record();
    }

    /**
     * The enriched record with what was computed for it but is not part of the record: the
     * sentence embedding of title and lead (null when the topic classifier computes none).
     */
    public record Analysis(EnrichedArticle record, float[] embedding) {
    }

    /** The enrichment, keeping the article's embedding for later steps; times as in {@link #enrich(RawArticle, StageTimes)}. */
    public Analysis analyse(RawArticle article, StageTimes times) {
        long t = StageTimes.start(times);
        List<String> flags = new ArrayList<>();
        String title = article.getTitle() == null ? "" : article.getTitle();
        String text = article.getText() == null ? "" : article.getText();
        if (title.length() > maxChars / 10) {
            title = cut(title, maxChars / 10);
            flags.add(FLAG_TRUNCATED);
        }
        if (text.length() > maxChars) {
            text = cut(text, maxChars);
            if (!flags.contains(FLAG_TRUNCATED)) {
                flags.add(FLAG_TRUNCATED);
            }
        }
        if (text.isBlank() && title.isBlank()) {
            flags.add(FLAG_EMPTY);
        }
        LanguageGuess language = language(article, title, text, flags);
        t = StageTimes.lap(times, Stage.LANGUAGE, t);

        AnalyzedText titleAnalysis = analyzer.analyze(title);
        AnalyzedText textAnalysis = analyzer.analyze(text);
        t = StageTimes.lap(times, Stage.SENTENCES_TOKENS, t);
        List<FoundMention> mentions = new ArrayList<>();
        // A results table of Italian clubs and players reads as Italian to the detector, unsure:
        // its names are still best found by the English model than not at all.
        String nerLanguage = language.code();
        if (!analyzer.hasNameFinder(nerLanguage) && language.confidence() < CONFIDENT && !text.isBlank()
                && !flags.contains(FLAG_LANGUAGE_FROM_HINT) && analyzer.hasNameFinder(FALLBACK_NER_LANGUAGE)) {
            nerLanguage = FALLBACK_NER_LANGUAGE;
            flags.add(FLAG_NER_IN_ENGLISH);
        }
        if (analyzer.hasNameFinder(nerLanguage)) {
            try {
                List<List<NameMention>> names = analyzer.names(nerLanguage, List.of(titleAnalysis, textAnalysis));
                add(names.get(0), Field.TITLE, mentions);
                add(names.get(1), Field.TEXT, mentions);
                mentions = DocumentNames.complete(mentions, gazetteer, analyzer.models().commonWords(), titleAnalysis, textAnalysis);
            } catch (RuntimeException e) {
                log.warn("name finding failed for article {}: {}", article.getId(), e.toString());
                Metrics.counter("newswatch.errors", "component", "enrich", "reason", "ner").increment();
                flags.add(FLAG_NER_FAILED);
            }
        } else if (!text.isBlank()) {
            flags.add(FLAG_NO_NER_MODEL);
        }
        t = StageTimes.lap(times, Stage.NAMES, t);
        mentions = withDictionary(mentions, dictionary.find(title, Field.TITLE), dictionary.find(text, Field.TEXT));
        t = StageTimes.lap(times, Stage.DICTIONARY, t);
        List<Entity> entities = EntityResolver.resolve(mentions, title.length(), text.length());
        t = StageTimes.lap(times, Stage.ENTITIES, t);

        List<Topic> found = List.of();
        float[] embedding = null;
        long embedNanos = 0;
        try {
            TopicAssignment assigned = topics.assign(title, text, language.code());
            found = assigned.topics();
            flags.addAll(assigned.flags());
            embedding = assigned.embedding();
            embedNanos = assigned.embedNanos();
        } catch (RuntimeException e) {
            log.warn("topic classification failed for article {}: {}", article.getId(), e.toString());
            Metrics.counter("newswatch.errors", "component", "enrich", "reason", "topics").increment();
            flags.add(FLAG_TOPICS_FAILED);
        }
        t = StageTimes.lap(times, Stage.TOPICS, t);
        if (times != null) {
            times.move(Stage.TOPICS, Stage.EMBEDDING, embedNanos);
        }
        EnrichedArticle enriched = EnrichedArticle.newBuilder()
                .setArticle(article)
                .setLanguage(new Language(language.code(), Math.round(language.confidence() * 1000) / 1000.0))
                .setStoryId(article.getId())
                .setEntities(entities)
                .setTopics(found)
                .setSentenceCount(titleAnalysis.sentences().size() + textAnalysis.sentences().size())
                .setTokenCount(titleAnalysis.tokenCount() + textAnalysis.tokenCount())
                .setFlags(flags)
                .setEnrichedAt(clock.instant())
                .build();
        StageTimes.lap(times, Stage.RECORD, t);
        return new Analysis(enriched, embedding);
    }

    private LanguageGuess language(RawArticle article, String title, String text, List<String> flags) {
        LanguageGuess detected = analyzer.language(title, text);
        String hint = iso3(article.getLanguage());
        if (hint != null && detected.confidence() < CONFIDENT && !hint.equals(detected.code())) {
            flags.add(FLAG_LANGUAGE_FROM_HINT);
            return new LanguageGuess(hint, detected.confidence());
        }
        return detected;
    }

    /** ISO 639-3 code of a BCP 47 hint such as {@code en-GB}, or null. */
    static String iso3(String bcp47) {
        if (bcp47 == null || bcp47.isBlank()) {
            return null;
        }
        try {
            String code = Locale.forLanguageTag(bcp47.strip()).getISO3Language();
            return code.isEmpty() ? null : code;
        } catch (MissingResourceException e) {
            return null;
        }
    }

    private static void add(List<NameMention> names, Field field, List<FoundMention> into) {
        for (NameMention n : names) {
            FoundMention m = MentionCleaner.clean(new FoundMention(type(n.type()), field, n.start(), n.end(), n.text(),
                    false, java.util.Set.of(), n.probability()));
            if (!m.text().isBlank() && !MentionCleaner.isOnlyTitle(m)) {
                into.add(m);
            }
        }
    }

    /**
     * Dictionary matches that overlap a model mention give it their type and ids (the watch-list
     * is curated, the model is not); the others are added as mentions of their own.
     */
    static List<FoundMention> withDictionary(List<FoundMention> model, List<FoundMention> titleMatches,
            List<FoundMention> textMatches) {
        List<FoundMention> result = new ArrayList<>(model);
        List<FoundMention> matches = new ArrayList<>(titleMatches);
        matches.addAll(textMatches);
        for (FoundMention d : matches) {
            boolean merged = false;
            for (int i = 0; i < result.size(); i++) {
                FoundMention m = result.get(i);
                if (!m.fromDictionary() && m.overlaps(d)) {
                    // Keep the model's span when it holds the known name ("Khalid Masood" for the
                    // alias "Masood"), else the dictionary's exact one.
                    boolean modelContains = m.start() <= d.start() && d.end() <= m.end();
                    result.set(i, modelContains
                            ? new FoundMention(d.type(), m.field(), m.start(), m.end(), m.text(), true, d.watchlistIds())
                            : d);
                    merged = true;
                }
            }
            if (!merged) {
                result.add(d);
            }
        }
        // A model mention replaced by the same dictionary match twice leaves duplicates.
        return result.stream().distinct().toList();
    }

    static EntityType type(String modelType) {
        String t = modelType == null ? "" : modelType.toLowerCase(Locale.ROOT);
        if (t.startsWith("per")) {
            return EntityType.PERSON;
        }
        if (t.startsWith("org")) {
            return EntityType.ORGANIZATION;
        }
        if (t.startsWith("loc") || t.equals("gpe") || t.startsWith("place")) {
            return EntityType.LOCATION;
        }
        return EntityType.MISC;
    }

    private static String cut(String s, int max) {
        int end = max;
        // Do not split a surrogate pair.
        if (end > 0 && end < s.length() && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }
}
