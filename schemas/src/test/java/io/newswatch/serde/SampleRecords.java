package io.newswatch.serde;

import io.newswatch.schemas.Alert;
import io.newswatch.schemas.AlertKind;
import io.newswatch.schemas.EnrichedArticle;
import io.newswatch.schemas.Entity;
import io.newswatch.schemas.EntityType;
import io.newswatch.schemas.Evidence;
import io.newswatch.schemas.Field;
import io.newswatch.schemas.Language;
import io.newswatch.schemas.Mention;
import io.newswatch.schemas.Origin;
import io.newswatch.schemas.RawArticle;
import io.newswatch.schemas.Severity;
import io.newswatch.schemas.Source;
import io.newswatch.schemas.Topic;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/** Fully populated instances of every generated record type, with non-default values in every field. */
final class SampleRecords {

    static final Instant PUBLISHED = Instant.ofEpochMilli(1_763_769_600_123L);
    static final Instant FETCHED = Instant.ofEpochMilli(1_763_773_200_456L);

    private SampleRecords() {}

    static Source source() {
        return Source.newBuilder()
                .setName("Example Times")
                .setDomain("example.com")
                .setFeedUrl("https://example.com/rss")
                .setTags(List.of("news", "en"))
                .build();
    }

    static RawArticle rawArticle() {
        return RawArticle.newBuilder()
                .setId("a-1")
                .setUrl("https://example.com/a?utm_source=x")
                .setCanonicalUrl("https://example.com/a")
                .setSource(source())
                .setOrigin(Origin.FEED)
                .setTitle("Ünïcödé title — with dash")
                .setText("First paragraph.\n\nSecond paragraph.")
                .setAuthors(List.of("Ada Lovelace", "Alan Turing"))
                .setLanguage("en-GB")
                .setPublishedAt(PUBLISHED)
                .setFetchedAt(FETCHED)
                .setContentHash("ab".repeat(32))
                .setAttributes(Map.of("section", "world", "paywall", "false"))
                .build();
    }

    static Mention mention() {
        return Mention.newBuilder().setText("Lovelace").setField(Field.TITLE).setStart(4).setEnd(12).build();
    }

    static Entity entity() {
        return Entity.newBuilder()
                .setType(EntityType.PERSON)
                .setName("Ada Lovelace")
                .setMentions(List.of(mention()))
                .setCount(1)
                .setSalience(0.75)
                .setWatchlistEntityIds(List.of("wl-ada"))
                .build();
    }

    static Language language() {
        return Language.newBuilder().setCode("eng").setConfidence(0.99).build();
    }

    static Topic topic() {
        return Topic.newBuilder().setCode("sci").setLabel("Science").setScore(0.5).build();
    }

    static EnrichedArticle enrichedArticle() {
        return EnrichedArticle.newBuilder()
                .setArticle(rawArticle())
                .setLanguage(language())
                .setStoryId("story-1")
                .setEntities(List.of(entity()))
                .setTopics(List.of(topic()))
                .setSentenceCount(2)
                .setTokenCount(5)
                .setFlags(List.of("TRUNCATED"))
                .setEnrichedAt(FETCHED.plusMillis(1))
                .build();
    }

    static Evidence evidence() {
        return Evidence.newBuilder()
                .setClause("match.any[1]")
                .setType("entity")
                .setValue("Ada Lovelace")
                .setMatched("Lovelace")
                .setField(Field.TEXT)
                .setStart(4)
                .setEnd(12)
                .setSnippet("Ada Lovelace wrote the first program.")
                .build();
    }

    static Alert alert() {
        return Alert.newBuilder()
                .setId("alert-1")
                .setWatchlistId("wl-1")
                .setWatchlistName("Computing pioneers")
                .setWatchlistVersion("v-abc")
                .setSeverity(Severity.HIGH)
                .setKind(AlertKind.UPDATE)
                .setScore(0.875)
                .setArticleId("a-1")
                .setStoryId("story-1")
                .setTitle("Title")
                .setUrl("https://example.com/a")
                .setSourceName("Example Times")
                .setLanguage("eng")
                .setPublishedAt(PUBLISHED)
                .setRelatedCount(3)
                .setEvidence(List.of(evidence()))
                .setAlertedAt(FETCHED.plusMillis(2))
                .build();
    }

    /** One instance of every generated record class. */
    static List<SpecificRecord> all() {
        return List.of(rawArticle(), enrichedArticle(), alert(), source(), language(), entity(), mention(), topic(),
                evidence());
    }
}
