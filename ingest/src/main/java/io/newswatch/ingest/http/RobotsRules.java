package io.newswatch.ingest.http;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;

/** robots.txt of each site, fetched on first use and kept for a day, consulted before fetching an article page. */
public final class RobotsRules {

    private static final Logger log = LoggerFactory.getLogger(RobotsRules.class);
    private static final Duration KEEP = Duration.ofHours(24);
    private static final Duration KEEP_AFTER_ERROR = Duration.ofMinutes(30);

    private final HttpFetcher fetcher;
    private final String agent;
    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    private final ConcurrentMap<String, Cached> cache = new ConcurrentHashMap<>();

    public RobotsRules(HttpFetcher fetcher) {
        this.fetcher = fetcher;
        this.agent = fetcher.settings().userAgent().split("[/\\s]", 2)[0].toLowerCase(Locale.ROOT);
    }

    public boolean allows(URI page) throws InterruptedException {
        String site = page.getScheme() + "://" + page.getRawAuthority();
        Cached cached = cache.get(site);
        if (cached == null || cached.expiresNanos < System.nanoTime()) {
            cached = load(site);
            cache.put(site, cached);
        }
        return cached.rules.isAllowed(page.toString());
    }

    private Cached load(String site) throws InterruptedException {
        try {
            FetchResponse r = fetcher.get(URI.create(site + "/robots.txt"));
            if (r.ok()) {
                return new Cached(parser.parseContent(site + "/robots.txt", r.body(), r.header("content-type"), java.util.List.of(agent)), KEEP);
            }
            // 4xx: no rules; 5xx: the site is in trouble, stay away for a while (crawler convention)
            return new Cached(parser.failedFetch(r.status()), r.status() >= 500 ? KEEP_AFTER_ERROR : KEEP);
        } catch (FetchException e) {
            log.debug("robots.txt of {} unavailable: {}", site, e.getMessage());
            return new Cached(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL), KEEP_AFTER_ERROR);
        }
    }

    private static final class Cached {
        final BaseRobotRules rules;
        final long expiresNanos;

        Cached(BaseRobotRules rules, Duration keep) {
            this.rules = rules;
            this.expiresNanos = System.nanoTime() + keep.toNanos();
        }
    }
}
