package io.newswatch.ingest.feed;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * One feed of the sources file.
 *
 * @param url          feed URL (RSS 0.9x/2.0 or Atom 1.0)
 * @param name         outlet name given to its articles
 * @param pollInterval time between two polls (a random jitter of up to 10% is added)
 * @param tags         copied onto every article's source
 * @param language     language hint when neither the page nor the feed states one
 * @param enabled      disabled feeds are kept in the file but not polled
 * @param fetchPages   fetch each new item's page and extract the article from it (else the feed's text is used)
 */
public record FeedSource(URI url, String name, Duration pollInterval, List<String> tags, String language, boolean enabled,
        boolean fetchPages) {

    public FeedSource {
        tags = List.copyOf(tags);
    }

    /** How logs name the feed: its URL, after its name when it was given one (the default name, the host, is not unique). */
    public String label() {
        return name.equalsIgnoreCase(url.getHost()) ? url.toString() : name + " (" + url + ")";
    }
}
