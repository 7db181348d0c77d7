package io.newswatch.enrich.story;

import java.time.Duration;

import io.newswatch.schemas.EnrichedArticle;

/**
 * Story assignment without Kafka, for the offline command: the same index, kept in memory. Files
 * are often not in time order, so old articles are only purged once the index grows large.
 */
public final class InMemoryStories {

    static final int PURGE_ABOVE = 50_000;

    private final StoryIndex index;

    public InMemoryStories(Duration window) {
        this.index = new StoryIndex(window, StoryIndex.Backing.NONE);
    }

    public synchronized EnrichedArticle assign(EnrichedArticle article) {
        article.setStoryId(index.assign(StorySignatures.of(article)));
        if (index.size() > PURGE_ABOVE) {
            index.purge();
        }
        return article;
    }
}
