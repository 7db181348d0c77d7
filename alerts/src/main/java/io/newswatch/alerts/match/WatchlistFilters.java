package io.newswatch.alerts.match;

import java.util.Locale;
import java.util.MissingResourceException;

import io.newswatch.schemas.EnrichedArticle;
import io.newswatch.watchlist.Watchlist;

/** The watch-list level filters: languages and sources. */
public final class WatchlistFilters {

    private WatchlistFilters() {
    }

    public static boolean appliesTo(Watchlist w, EnrichedArticle a) {
        if (!w.languages().isEmpty()) {
            String detected = iso3(a.getLanguage().getCode());
            if (w.languages().stream().map(WatchlistFilters::iso3).noneMatch(detected::equals)) {
                return false;
            }
        }
        if (!w.sources().isEmpty()) {
            String name = a.getArticle().getSource().getName();
            String domain = a.getArticle().getSource().getDomain();
            String lowerDomain = domain == null ? null : domain.toLowerCase(Locale.ROOT);
            return w.sources().stream().anyMatch(s -> s.equalsIgnoreCase(name)
                    || (lowerDomain != null && (lowerDomain.equals(s.toLowerCase(Locale.ROOT))
                            || lowerDomain.endsWith("." + s.toLowerCase(Locale.ROOT)))));
        }
        return true;
    }

    /** ISO 639-3 for a 639-1 or 639-3 code ("en" and "eng" are the same language). */
    static String iso3(String code) {
        String lower = code.toLowerCase(Locale.ROOT);
        if (lower.length() != 2) {
            return lower;
        }
        try {
            return Locale.forLanguageTag(lower).getISO3Language();
        } catch (MissingResourceException e) {
            return lower;
        }
    }
}
