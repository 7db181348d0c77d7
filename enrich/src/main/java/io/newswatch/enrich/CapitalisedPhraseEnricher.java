package io.newswatch.enrich;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.newswatch.schemas.EnrichedArticle;
import io.newswatch.schemas.Entity;
import io.newswatch.schemas.EntityType;
import io.newswatch.schemas.Field;
import io.newswatch.schemas.Language;
import io.newswatch.schemas.Mention;
import io.newswatch.schemas.RawArticle;

/**
 * A model-free enricher: runs of capitalised words become MISC entities, the story is the article
 * itself, no topics. It keeps the pipeline usable without NLP models and is the baseline the
 * OpenNLP enricher is measured against.
 */
public final class CapitalisedPhraseEnricher implements Enricher {

    private static final Pattern PHRASE = Pattern.compile("\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+)*");

    private final Clock clock;

    public CapitalisedPhraseEnricher(Clock clock) {
        this.clock = clock;
    }

    @Override
    public EnrichedArticle enrich(RawArticle article) {
        Map<String, List<Mention>> mentions = new LinkedHashMap<>();
        collect(article.getTitle(), Field.TITLE, mentions);
        collect(article.getText(), Field.TEXT, mentions);
        int total = mentions.values().stream().mapToInt(List::size).sum();
        List<Entity> entities = new ArrayList<>();
        mentions.forEach((name, found) -> entities.add(Entity.newBuilder()
                .setType(EntityType.MISC)
                .setName(name)
                .setMentions(found)
                .setCount(found.size())
                .setSalience(total == 0 ? 0 : (double) found.size() / total)
                .build()));
        String hint = article.getLanguage();
        return EnrichedArticle.newBuilder()
                .setArticle(article)
                .setLanguage(new Language(hint == null ? "und" : hint, hint == null ? 0.0 : 1.0))
                .setStoryId(article.getId())
                .setEntities(entities)
                .setTopics(List.of())
                .setEnrichedAt(clock.instant())
                .build();
    }

    private static void collect(String text, Field field, Map<String, List<Mention>> into) {
        Matcher m = PHRASE.matcher(text);
        while (m.find()) {
            // A single capitalised word is usually just the start of a sentence.
            if (m.group().indexOf(' ') < 0) {
                continue;
            }
            into.computeIfAbsent(m.group(), k -> new ArrayList<>())
                    .add(new Mention(m.group(), field, m.start(), m.end()));
        }
    }
}
