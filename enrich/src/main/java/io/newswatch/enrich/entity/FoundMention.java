package io.newswatch.enrich.entity;

import java.util.Set;

import io.newswatch.schemas.EntityType;
import io.newswatch.schemas.Field;

/**
 * A mention before resolution: where it is, what it was typed as, and the watch-list entity ids
 * the dictionary pass attached to it.
 */
public record FoundMention(EntityType type, Field field, int start, int end, String text, boolean fromDictionary,
        Set<String> watchlistIds) {

    public FoundMention withType(EntityType newType) {
        return new FoundMention(newType, field, start, end, text, fromDictionary, watchlistIds);
    }

    public boolean overlaps(FoundMention other) {
        return field == other.field && start < other.end && other.start < end;
    }
}
