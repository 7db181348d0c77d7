package io.newswatch.ingest.feed;

import java.time.Duration;
import java.util.Locale;

/** Durations as people write them: 500ms, 30s, 5m, 1h, 1d, or ISO-8601 (PT5M). */
public final class Durations {

    private Durations() {
    }

    public static Duration parse(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.matches("\\d+(ms|s|m|h|d)")) {
            long n = Long.parseLong(v.replaceAll("\\D", ""));
            return switch (v.replaceAll("\\d", "")) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        return Duration.parse(value.strip().toUpperCase(Locale.ROOT));
    }
}
