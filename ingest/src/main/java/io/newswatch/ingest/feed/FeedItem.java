package io.newswatch.ingest.feed;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a feed, as the feed describes it.
 *
 * @param key         stable identity within the feed: guid / Atom id, else link, else a hash of the content
 * @param link        the article page, if any
 * @param summaryText the entry's own text (full content when the feed carries it, else the description), as plain text
 */
public record FeedItem(String key, String link, String title, String summaryText, List<String> authors, Instant publishedAt) {

    public FeedItem {
        authors = List.copyOf(authors);
    }
}
