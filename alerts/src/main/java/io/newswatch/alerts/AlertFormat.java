package io.newswatch.alerts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.newswatch.schemas.Alert;
import io.newswatch.schemas.AlertKind;
import io.newswatch.schemas.Evidence;

/** How alerts are printed for people (one readable line) and for programs (one JSON object a line). */
public final class AlertFormat {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private AlertFormat() {
    }

    /**
     * A short block for a terminal: severity, watch-list, time and kind; then title, source and
     * link; then one line per piece of evidence with the sentence it was found in.
     */
    public static String readable(Alert a) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-8s %s (%s)", "[" + a.getSeverity() + "]", a.getWatchlistName(),
                a.getWatchlistId()));
        if (a.getAlertedAt() != null) {
            sb.append("  ").append(TIME.format(a.getAlertedAt()));
        }
        sb.append(String.format(Locale.ROOT, "  score %.2f", a.getScore()));
        if (a.getKind() == AlertKind.UPDATE) {
            sb.append("  UPDATE: ").append(a.getRelatedCount()).append(" related");
        }
        sb.append("\n    ").append(a.getTitle().isBlank() ? "(untitled)" : a.getTitle()).append(" \u2014 ").append(a.getSourceName());
        if (a.getUrl() != null) {
            sb.append("\n    ").append(a.getUrl());
        }
        for (Evidence e : a.getEvidence()) {
            sb.append("\n    \u2022 ").append(e.getType()).append(' ').append('"').append(e.getMatched()).append('"');
            if (e.getField() != null && e.getStart() != null) {
                sb.append(" (").append(e.getField().name().toLowerCase(Locale.ROOT)).append(' ').append(e.getStart())
                        .append('-').append(e.getEnd()).append(')');
            }
            if (e.getSnippet() != null) {
                String snippet = e.getSnippet().replaceAll("\\s+", " ");
                sb.append(": ").append(window(snippet, e.getMatched(), 160));
            }
        }
        return sb.toString();
    }

    /** At most {@code width} characters of {@code text}, centred on {@code matched} so that it stays visible. */
    static String window(String text, String matched, int width) {
        if (text.length() <= width) {
            return text;
        }
        int at = matched == null ? -1 : text.indexOf(matched);
        int from = at < 0 ? 0 : Math.max(0, Math.min(at - (width - matched.length()) / 2, text.length() - width));
        int to = Math.min(text.length(), from + width);
        return (from > 0 ? "\u2026" : "") + text.substring(from, to).strip() + (to < text.length() ? "\u2026" : "");
    }

    public static String json(Alert a) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", a.getId());
        o.put("watchlistId", a.getWatchlistId());
        o.put("watchlistName", a.getWatchlistName());
        o.put("severity", a.getSeverity().name().toLowerCase(Locale.ROOT));
        o.put("kind", a.getKind().name().toLowerCase(Locale.ROOT));
        o.put("score", a.getScore());
        o.put("title", a.getTitle());
        o.put("url", a.getUrl());
        o.put("source", a.getSourceName());
        o.put("language", a.getLanguage());
        o.put("publishedAt", a.getPublishedAt() == null ? null : a.getPublishedAt().toString());
        o.put("articleId", a.getArticleId());
        o.put("storyId", a.getStoryId());
        o.put("relatedCount", a.getRelatedCount());
        a.getTopics().forEach(o.putArray("topics")::add);
        ArrayNode matches = o.putArray("matches");
        for (Evidence e : a.getEvidence()) {
            ObjectNode m = matches.addObject();
            m.put("clause", e.getClause());
            m.put("type", e.getType());
            m.put("value", e.getValue());
            m.put("matched", e.getMatched());
            if (e.getField() != null) {
                m.put("field", e.getField().name().toLowerCase(Locale.ROOT));
            }
            if (e.getStart() != null) {
                m.put("start", e.getStart());
                m.put("end", e.getEnd());
            }
            if (e.getSnippet() != null) {
                m.put("snippet", e.getSnippet());
            }
        }
        o.put("watchlistVersion", a.getWatchlistVersion());
        Instant at = a.getAlertedAt();
        o.put("alertedAt", at == null ? null : at.toString());
        return o.toString();
    }
}
