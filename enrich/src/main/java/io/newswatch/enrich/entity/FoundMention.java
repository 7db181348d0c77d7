package io.newswatch.enrich.entity;

import java.util.Set;

import io.newswatch.schemas.EntityType;
import io.newswatch.schemas.Field;

/**
 * A mention before resolution: where it is, what it was typed as, the watch-list entity ids the
 * dictionary pass attached to it, and how much its type counts in the entity's vote
 * ({@code confidence}: the model's probability, 1 for watch-list names).
 */
public record FoundMention(EntityType type, Field field, int start, int end, String text, boolean fromDictionary,
        Set<String> watchlistIds, double confidence) {

    public FoundMention(EntityType type, Field field, int start, int end, String text, boolean fromDictionary,
            Set<String> watchlistIds) {
        this(type, field, start, end, text, fromDictionary, watchlistIds, 1.0);
    }

    public FoundMention withType(EntityType newType) {
        return new FoundMention(newType, field, start, end, text, fromDictionary, watchlistIds, confidence);
    }

    public boolean overlaps(FoundMention other) {
        return field == other.field && start < other.end && other.start < end;
    }
}
