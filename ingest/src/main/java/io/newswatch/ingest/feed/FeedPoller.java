package io.newswatch.ingest.feed;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Metrics;
import io.newswatch.articles.ArticleIds;
import io.newswatch.articles.CanonicalUrl;
import io.newswatch.articles.extract.ExtractedPage;
import io.newswatch.articles.extract.PageArticles;
import io.newswatch.articles.extract.PageCharset;
import io.newswatch.articles.extract.PageExtractor;
import io.newswatch.ingest.ArticleIntake;
import io.newswatch.ingest.http.FetchException;
import io.newswatch.ingest.http.FetchResponse;
import io.newswatch.ingest.http.HttpFetcher;
import io.newswatch.ingest.http.RobotsRules;
import io.newswatch.schemas.Origin;
import io.newswatch.schemas.RawArticle;
import io.newswatch.schemas.Source;

/**
 * Polls one feed: a conditional GET, then for each item not seen before its article page (when
 * robots.txt allows it), extracted, with the feed's values as fallback, handed to the intake. The
 * feed's progress (items done, ETag / Last-Modified) is recorded only once Kafka acknowledged the
 * articles, so a crash or an outage means polling again, never a lost article.
 */
public final class FeedPoller {

    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);
    private static final Set<String> RETRIABLE = Set.of("timeout", "io", "dns");

    private final HttpFetcher fetcher;
    private final RobotsRules robots;
    private final FeedStateStore states;
    private final ArticleIntake intake;
    private final Clock clock;
    private final Duration ackTimeout;
    private final FeedParser parser = new FeedParser();
    private final PageExtractor extractor = new PageExtractor();

    public FeedPoller(HttpFetcher fetcher, FeedStateStore states, ArticleIntake intake, Clock clock, Duration ackTimeout) {
        this.fetcher = fetcher;
        this.robots = new RobotsRules(fetcher);
        this.states = states;
        this.intake = intake;
        this.clock = clock;
        this.ackTimeout = ackTimeout;
    }

    public PollResult poll(FeedSource source) throws InterruptedException {
        String url = source.url().toString();
        FeedStateStore.State state = states.get(url);
        Map<String, String> conditional = new LinkedHashMap<>();
        if (state.etag != null) {
            conditional.put("If-None-Match", state.etag);
        }
        if (state.lastModified != null) {
            conditional.put("If-Modified-Since", state.lastModified);
        }
        FetchResponse response;
        try {
            response = fetcher.get(source.url(), conditional);
        } catch (FetchException e) {
            return failure(source, e.reason(), e.getMessage());
        }
        if (response.status() == 304) {
            return PollResult.notModified();
        }
        if (!response.ok()) {
            return failure(source, "http-" + response.status(), "feed " + url + " answered HTTP " + response.status());
        }
        FeedParser.ParsedFeed feed;
        try {
            feed = parser.parse(response.body(), response.header("content-type"));
        } catch (FeedParser.InvalidFeedException e) {
            return failure(source, "malformed-feed", "feed " + url + " cannot be parsed: " + e.getMessage());
        }
        Set<String> known = Set.copyOf(state.items);
        List<FeedItem> fresh = new ArrayList<>();
        for (FeedItem item : feed.items()) {
            if (!known.contains(item.key())) {
                fresh.add(0, item); // feeds list newest first; publish oldest first
            }
        }
        List<String> done = new ArrayList<>();
        Map<String, CompletableFuture<ArticleIntake.Outcome>> pending = new LinkedHashMap<>();
        boolean complete = true;
        Map<String, String> aliases = new LinkedHashMap<>();
        for (FeedItem item : fresh) {
            String linkId = item.link() == null ? null : CanonicalUrl.of(item.link()).map(ArticleIds::fromUrl).orElse(null);
            if (linkId != null && intake.isKnownKey(linkId)) {
                Metrics.counter("newswatch.articles.duplicates").increment();
                done.add(item.key()); // published before, through this link or another feed: no need to fetch it
                continue;
            }
            Optional<RawArticle> article;
            try {
                article = articleFor(source, item, feed.language());
            } catch (FetchException e) {
                log.warn("Feed {}: page of item {} not available now ({}); will retry", source.label(), item.link(), e.getMessage());
                Metrics.counter("newswatch.errors", "component", "page", "reason", e.reason()).increment();
                complete = false;
                continue;
            }
            if (article.isEmpty()) {
                done.add(item.key()); // nothing to publish, now or later
                continue;
            }
            if (intake.isKnown(article.get())) {
                Metrics.counter("newswatch.articles.duplicates").increment();
                done.add(item.key());
                continue;
            }
            Metrics.counter("newswatch.articles.fetched", "source", source.name()).increment();
            pending.put(item.key(), intake.submit(article.get()));
            if (linkId != null && !linkId.equals(article.get().getId())) {
                aliases.put(item.key(), linkId);
            }
        }
        int published = 0;
        int duplicates = 0;
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        for (Map.Entry<String, CompletableFuture<ArticleIntake.Outcome>> e : pending.entrySet()) {
            try {
                ArticleIntake.Outcome outcome = e.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (outcome == ArticleIntake.Outcome.PUBLISHED) {
                    published++;
                } else {
                    duplicates++;
                }
                if (aliases.containsKey(e.getKey())) {
                    intake.rememberAlias(aliases.get(e.getKey()));
                }
                done.add(e.getKey());
            } catch (TimeoutException | ExecutionException ex) {
                complete = false;
            }
        }
        states.addItems(url, done);
        if (!complete) {
            int notDone = fresh.size() - done.size();
            return failure(source, "incomplete", notDone + " of " + fresh.size() + " new items of " + url
                    + " not yet published (Kafka or the pages unavailable); the feed will be read again");
        }
        states.setValidators(url, response.header("etag"), response.header("last-modified"));
        if (!fresh.isEmpty()) {
            log.info("Feed {}: {} new items, {} published, {} duplicates", source.label(), fresh.size(), published,
                    duplicates + (fresh.size() - pending.size()));
        }
        return new PollResult(PollResult.Status.UPDATED, fresh.size(), published, duplicates, null);
    }

    /**
     * The article for a feed item: from its page when that can be fetched, else from the feed's own text.
     * Throws when the page is temporarily unavailable and the feed has no text to fall back on.
     */
    private Optional<RawArticle> articleFor(FeedSource source, FeedItem item, String feedLanguage)
            throws FetchException, InterruptedException {
        Source origin = Source.newBuilder().setName(source.name()).setFeedUrl(source.url().toString())
                .setTags(source.tags()).build();
        PageArticles.Hints hints = new PageArticles.Hints(item.link(), item.title(), item.summaryText(), item.authors(),
                item.publishedAt(), feedLanguage != null ? feedLanguage : source.language(), origin);
        ExtractedPage page = null;
        Origin how = Origin.FEED;
        if (source.fetchPages() && item.link() != null) {
            try {
                page = fetchPage(URI.create(item.link()), source);
                how = page == null ? Origin.FEED : Origin.PAGE;
            } catch (IllegalArgumentException e) {
                Metrics.counter("newswatch.errors", "component", "page", "reason", "bad-url").increment();
            } catch (FetchException e) {
                Metrics.counter("newswatch.errors", "component", "page", "reason", e.reason()).increment();
                if (RETRIABLE.contains(e.reason()) && item.summaryText() == null) {
                    throw e;
                }
                log.info("Feed {}: using the feed's text for {}: {}", source.label(), item.link(), e.getMessage());
            }
        }
        return PageArticles.build(page, hints, how, clock.instant());
    }

    private ExtractedPage fetchPage(URI uri, FeedSource source) throws FetchException, InterruptedException {
        if (!robots.allows(uri)) {
            throw new FetchException("robots", "robots.txt disallows " + uri);
        }
        FetchResponse r = fetcher.get(uri);
        if (r.status() >= 500 || r.status() == 429) {
            throw new FetchException("io", "page " + uri + " answered HTTP " + r.status());
        }
        if (!r.ok()) {
            throw new FetchException("http-" + r.status(), "page " + uri + " answered HTTP " + r.status());
        }
        String type = r.header("content-type") == null ? "text/html" : r.header("content-type").toLowerCase(Locale.ROOT);
        if (!type.contains("html")) {
            throw new FetchException("not-html", "page " + uri + " is " + type + ", not HTML");
        }
        String html = PageCharset.decode(r.body(), r.header("content-type"));
        return extractor.extract(html, r.uri().toString());
    }

    private static PollResult failure(FeedSource source, String reason, String message) {
        Metrics.counter("newswatch.errors", "component", "feed", "reason", reason).increment();
        log.warn("Feed {}: {}", source.label(), message);
        return PollResult.failed(reason + ": " + message);
    }
}
