package io.newswatch.dashboard.store;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.newswatch.schemas.Alert;
import io.newswatch.schemas.Evidence;
import io.newswatch.schemas.Severity;
import io.newswatch.watchlist.WatchlistParser;

/**
 * Which alerts a reader of the dashboard wants to see. Every criterion is optional; all given ones
 * must hold. The same filter narrows the list ({@code GET /api/alerts}) and the live stream.
 *
 * @param watchlists  watch-list ids, any of them (empty: all)
 * @param minSeverity alerts at or above this severity, or null
 * @param topic       a topic code the article must carry, or null
 * @param source      the source name, ignoring case, or null
 * @param since       alerted at or after, or null
 * @param until       alerted before, or null
 * @param words       lower-case words that must all occur in the alert's title, source, watch-list or evidence
 */
public record AlertFilter(List<String> watchlists, Severity minSeverity, String topic, String source, Instant since,
        Instant until, List<String> words) {

    public AlertFilter {
        watchlists = List.copyOf(watchlists);
        words = List.copyOf(words);
    }

    public static AlertFilter all() {
        return new AlertFilter(List.of(), null, null, null, null, null, List.of());
    }

    /**
     * Reads the query parameters of the API: {@code watchlist} (repeatable or comma-separated),
     * {@code severity}, {@code topic}, {@code source}, {@code since} and {@code until} (an ISO-8601
     * instant, or a duration back from {@code now} such as {@code 24h}, {@code 7d}, {@code PT30M}) and
     * {@code q} (words). Throws {@link IllegalArgumentException} naming the parameter when a value is invalid.
     */
    public static AlertFilter fromQuery(Map<String, List<String>> query, Instant now) {
        List<String> watchlists = new ArrayList<>();
        for (String value : query.getOrDefault("watchlist", List.of())) {
            for (String id : value.split(",")) {
                if (!id.isBlank()) {
                    watchlists.add(id.strip());
                }
            }
        }
        Severity severity = null;
        String level = single(query, "severity");
        if (level != null) {
            try {
                severity = Severity.valueOf(level.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("severity must be low, medium, high or critical, was '" + level + "'");
            }
        }
        String q = single(query, "q");
        List<String> words = q == null ? List.of()
                : List.of(q.toLowerCase(Locale.ROOT).split("\\s+")).stream().filter(w -> !w.isBlank()).toList();
        return new AlertFilter(watchlists, severity, single(query, "topic"), single(query, "source"),
                time(query, "since", now), time(query, "until", now), words);
    }

    private static String single(Map<String, List<String>> query, String name) {
        List<String> values = query.getOrDefault(name, List.of());
        if (values.isEmpty() || values.get(values.size() - 1).isBlank()) {
            return null;
        }
        return values.get(values.size() - 1).strip();
    }

    static Instant time(Map<String, List<String>> query, String name, Instant now) {
        String value = single(query, name);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notAnInstant) {
            // a duration back from now
        }
        try {
            return now.minus(WatchlistParser.parseDuration(value.toLowerCase(Locale.ROOT)));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 instant (2026-01-31T08:00:00Z) or a duration "
                    + "back from now (30m, 24h, 7d, PT12H), was '" + value + "'");
        }
    }

    public boolean matches(Alert a) {
        if (!watchlists.isEmpty() && !watchlists.contains(a.getWatchlistId())) {
            return false;
        }
        if (minSeverity != null && a.getSeverity().ordinal() < minSeverity.ordinal()) {
            return false;
        }
        if (topic != null && !a.getTopics().contains(topic)) {
            return false;
        }
        if (source != null && !source.equalsIgnoreCase(a.getSourceName())) {
            return false;
        }
        Instant at = a.getAlertedAt();
        if (since != null && (at == null || at.isBefore(since))) {
            return false;
        }
        if (until != null && (at == null || !at.isBefore(until))) {
            return false;
        }
        if (!words.isEmpty()) {
            String text = searchableText(a);
            for (String w : words) {
                if (!text.contains(w)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String searchableText(Alert a) {
        StringBuilder sb = new StringBuilder();
        sb.append(a.getTitle()).append('\n').append(a.getSourceName()).append('\n').append(a.getWatchlistId())
                .append('\n').append(a.getWatchlistName());
        for (Evidence e : a.getEvidence()) {
            sb.append('\n').append(e.getMatched());
            if (e.getSnippet() != null) {
                sb.append('\n').append(e.getSnippet());
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
