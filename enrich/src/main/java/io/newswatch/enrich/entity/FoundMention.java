package io.newswatch.enrich.entity;

import java.util.Set;

import io.newswatch.schemas.EntityType;
import io.newswatch.schemas.Field;

/**
 * A mention before resolution: where it is, what it was typed as, the watch-list entity ids the
 * dictionary pass attached to it, and how much its type counts in the entity's vote
 * ({@code confidence}: the model's probability, 1 for watch-list names). A {@code placed} mention
 * was typed by where it stands on the page (a dateline is a place, a name on a score line a team):
 * it votes like any other, but keeps its type when the vote goes the other way.
 */
public record FoundMention(EntityType type, Field field, int start, int end, String text, boolean fromDictionary,
        Set<String> watchlistIds, double confidence, boolean placed) {

    public FoundMention(EntityType type, Field field, int start, int end, String text, boolean fromDictionary,
            Set<String> watchlistIds, double confidence) {
        this(type, field, start, end, text, fromDictionary, watchlistIds, confidence, false);
    }

    public FoundMention(EntityType type, Field field, int start, int end, String text, boolean fromDictionary,
            Set<String> watchlistIds) {
        this(type, field, start, end, text, fromDictionary, watchlistIds, 1.0);
    }

    public FoundMention withType(EntityType newType) {
        return new FoundMention(newType, field, start, end, text, fromDictionary, watchlistIds, confidence, placed);
    }

    /** The same mention, typed by its place on the page. */
    public FoundMention placedAs(EntityType newType) {
        return new FoundMention(newType, field, start, end, text, fromDictionary, watchlistIds, confidence, true);
    }

    public boolean overlaps(FoundMention other) {
        return field == other.field && start < other.end && other.start < end;
    }
}
