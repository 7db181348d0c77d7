package io.newswatch.articles.clean;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A line that is only a date, as blogs print above a post ("Monday 27 March 2017", "March 27, 2017"). */
public final class Dateline {

    private static final List<DateTimeFormatter> FORMATS = List.of(
            format("EEEE d MMMM uuuu"), format("EEEE, d MMMM uuuu"), format("d MMMM uuuu"),
            format("EEEE, MMMM d, uuuu"), format("EEEE MMMM d, uuuu"), format("MMMM d, uuuu"),
            format("d MMM uuuu"), format("MMM d, uuuu"), DateTimeFormatter.ISO_LOCAL_DATE);

    private Dateline() {
    }

    /** The date of {@code line} at midnight UTC, when the whole line is a date. */
    public static Optional<Instant> parse(String line) {
        String v = line.strip().replaceAll("\\s+", " ").replaceAll("(\\d)(st|nd|rd|th)\\b", "$1");
        if (v.length() > 40 || v.isEmpty() || !Character.isLetterOrDigit(v.charAt(0))) {
            return Optional.empty();
        }
        for (DateTimeFormatter f : FORMATS) {
            try {
                return Optional.of(LocalDate.parse(v, f).atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (DateTimeParseException ignored) {
                // next format
            }
        }
        return Optional.empty();
    }

    private static DateTimeFormatter format(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.ENGLISH);
    }
}
