package io.newswatch.alerts;

import java.time.Instant;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.newswatch.schemas.Alert;
import io.newswatch.schemas.Evidence;

/** How alerts are printed for people (one readable line) and for programs (one JSON object a line). */
public final class AlertFormat {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AlertFormat() {
    }

    public static String readable(Alert a) {
        StringBuilder sb = new StringBuilder();
        sb.append('[').append(a.getSeverity()).append("] ").append(a.getWatchlistId()).append(": ")
                .append(a.getTitle().isBlank() ? "(untitled)" : a.getTitle())
                .append(" — ").append(a.getSourceName());
        if (a.getUrl() != null) {
            sb.append(" <").append(a.getUrl()).append('>');
        }
        sb.append(String.format(Locale.ROOT, " score %.2f, story %s", a.getScore(), a.getStoryId()));
        if (!a.getEvidence().isEmpty()) {
            sb.append("; matched ");
            for (int i = 0; i < a.getEvidence().size(); i++) {
                Evidence e = a.getEvidence().get(i);
                sb.append(i == 0 ? "" : ", ").append(e.getType()).append(" \"").append(e.getMatched()).append('"');
            }
        }
        return sb.toString();
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
