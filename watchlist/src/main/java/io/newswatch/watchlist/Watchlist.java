package io.newswatch.watchlist;

import java.time.Duration;
import java.util.List;

import io.newswatch.schemas.Severity;

/**
 * A named set of conditions analysts want to be alerted on.
 *
 * @param languages  detected languages (ISO 639-1 or 639-3) the watch-list applies to; empty = all
 * @param sources    source names or domains the watch-list applies to; empty = all
 * @param throttle   at most one alert per story within this window
 * @param topic      extra topic the watch-list's alerts are also written to, or null
 * @param updates    whether later copies of an alerted story within the throttle send UPDATE alerts
 */
public record Watchlist(String id, String name, Severity severity, List<String> languages, List<String> sources,
        Duration throttle, String topic, Clause match, boolean updates) {

    public static final Duration DEFAULT_THROTTLE = Duration.ofHours(24);
}
