package io.newswatch.dashboard.http;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.newswatch.dashboard.store.AlertStore;
import io.newswatch.dashboard.store.StoredAlert;
import io.newswatch.dashboard.watchlists.WatchlistCatalog;
import io.newswatch.schemas.Alert;
import io.newswatch.schemas.Evidence;
import io.newswatch.watchlist.Clause;
import io.newswatch.watchlist.Watchlist;
import io.newswatch.watchlist.WatchlistProblem;

/**
 * The JSON of the dashboard API. Field names follow the Avro {@code Alert} (evidence included), with
 * enums in lower case and times as ISO-8601 strings.
 */
public final class DashboardJson {

    static final ObjectMapper JSON = new ObjectMapper();

    private DashboardJson() {
    }

    public static ObjectNode alert(StoredAlert stored) {
        Alert a = stored.alert();
        ObjectNode o = JSON.createObjectNode();
        o.put("seq", stored.seq());
        o.put("id", a.getId());
        o.put("watchlistId", a.getWatchlistId());
        o.put("watchlistName", a.getWatchlistName());
        o.put("watchlistVersion", a.getWatchlistVersion());
        o.put("severity", a.getSeverity().name().toLowerCase(Locale.ROOT));
        o.put("kind", a.getKind().name().toLowerCase(Locale.ROOT));
        o.put("score", a.getScore());
        o.put("articleId", a.getArticleId());
        o.put("storyId", a.getStoryId());
        o.put("title", a.getTitle());
        o.put("url", a.getUrl());
        o.put("source", a.getSourceName());
        o.put("language", a.getLanguage());
        o.put("publishedAt", time(a.getPublishedAt()));
        o.put("alertedAt", time(a.getAlertedAt()));
        o.put("relatedCount", a.getRelatedCount());
        a.getTopics().forEach(o.putArray("topics")::add);
        ArrayNode evidence = o.putArray("evidence");
        for (Evidence e : a.getEvidence()) {
            ObjectNode m = evidence.addObject();
            m.put("clause", e.getClause());
            m.put("type", e.getType());
            m.put("value", e.getValue());
            m.put("matched", e.getMatched());
            m.put("field", e.getField() == null ? null : e.getField().name().toLowerCase(Locale.ROOT));
            m.put("start", e.getStart());
            m.put("end", e.getEnd());
            m.put("snippet", e.getSnippet());
        }
        o.put("partition", stored.partition());
        o.put("offset", stored.offset());
        return o;
    }

    static ObjectNode page(AlertStore.Page page, AlertStore store) {
        ObjectNode o = JSON.createObjectNode();
        ArrayNode alerts = o.putArray("alerts");
        page.alerts().forEach(s -> alerts.add(alert(s)));
        o.put("matched", page.matched());
        o.put("stored", store.size());
        o.put("capacity", store.capacity());
        o.put("lastSeq", page.lastSeq());
        return o;
    }

    static ObjectNode facets(AlertStore.Facets facets, WatchlistCatalog.Status status) {
        ObjectNode o = JSON.createObjectNode();
        facets.sources().forEach(o.putArray("sources")::add);
        facets.topics().forEach(o.putArray("topics")::add);
        TreeSet<String> ids = new TreeSet<>(facets.watchlists());
        status.watchlists().forEach(e -> ids.add(e.watchlist().id()));
        ids.forEach(o.putArray("watchlists")::add);
        return o;
    }

    static ObjectNode watchlists(WatchlistCatalog.Status status, Map<String, AlertStore.WatchlistActivity> activity) {
        ObjectNode o = JSON.createObjectNode();
        o.put("version", status.version());
        o.put("loadedAt", time(status.loadedAt()));
        o.put("source", status.source());
        status.files().forEach(o.putArray("files")::add);
        if (status.rejected() == null) {
            o.putNull("rejected");
        } else {
            ObjectNode r = o.putObject("rejected");
            r.put("version", status.rejected().version());
            r.put("at", time(status.rejected().at()));
            problems(r.putArray("problems"), status.rejected().problems());
        }
        problems(o.putArray("skipped"), status.skipped());
        ArrayNode list = o.putArray("watchlists");
        TreeSet<String> unknown = new TreeSet<>(activity.keySet());
        for (WatchlistCatalog.Entry e : status.watchlists()) {
            Watchlist w = e.watchlist();
            unknown.remove(w.id());
            ObjectNode n = list.addObject();
            n.put("id", w.id());
            n.put("name", w.name() == null ? w.id() : w.name());
            n.put("active", true);
            n.put("severity", w.severity().name().toLowerCase(Locale.ROOT));
            w.languages().forEach(n.putArray("languages")::add);
            w.sources().forEach(n.putArray("sources")::add);
            n.put("throttle", duration(w.throttle()));
            n.put("topic", w.topic());
            n.put("updates", w.updates());
            n.put("position", e.position().file() + ":" + e.position().line() + ":" + e.position().column());
            n.set("match", clause(w.match()));
            activity(n, activity.get(w.id()));
        }
        // Watch-lists that alerted but are no longer defined (removed, or defined elsewhere).
        for (String id : unknown) {
            ObjectNode n = list.addObject();
            n.put("id", id);
            n.put("name", id);
            n.put("active", false);
            activity(n, activity.get(id));
        }
        return o;
    }

    private static void activity(ObjectNode n, AlertStore.WatchlistActivity a) {
        ObjectNode o = n.putObject("alerts");
        if (a == null) {
            o.put("stored", 0);
            o.put("seen", 0);
            o.putNull("lastAlertAt");
            o.putNull("lastVersion");
            o.putNull("timeline");
            return;
        }
        o.put("stored", a.stored());
        o.put("seen", a.seen());
        o.put("lastAlertAt", time(a.lastAlertAt()));
        o.put("lastVersion", a.lastVersion());
        ObjectNode t = o.putObject("timeline");
        t.put("from", time(a.timelineFrom()));
        t.put("bucket", "PT1H");
        a.hourlyCounts().forEach(t.putArray("counts")::add);
    }

    private static void problems(ArrayNode into, List<WatchlistProblem> problems) {
        for (WatchlistProblem p : problems) {
            ObjectNode n = into.addObject();
            n.put("file", p.file());
            n.put("line", p.line());
            n.put("column", p.column());
            n.put("message", p.message());
            n.put("text", p.toString());
        }
    }

    /** A clause as a small tree: {@code {type, ...fields, clauses: [...]}} for any/all/none. */
    static ObjectNode clause(Clause c) {
        ObjectNode n = JSON.createObjectNode();
        n.put("path", c.path());
        if (c instanceof Clause.Term t) {
            n.put("type", "term").put("value", t.term());
        } else if (c instanceof Clause.Phrase p) {
            n.put("type", "phrase").put("value", p.phrase());
        } else if (c instanceof Clause.Query q) {
            n.put("type", "query").put("value", q.query());
        } else if (c instanceof Clause.Entity e) {
            n.put("type", "entity").put("value", e.name());
            n.put("entityType", e.type() == null ? null : e.type().name().toLowerCase(Locale.ROOT));
            e.aliases().forEach(n.putArray("aliases")::add);
        } else if (c instanceof Clause.Topic t) {
            n.put("type", "topic").put("value", t.code()).put("minScore", t.minScore());
        } else if (c instanceof Clause.Any a) {
            group(n, "any", a.clauses());
        } else if (c instanceof Clause.All a) {
            group(n, "all", a.clauses());
        } else if (c instanceof Clause.None a) {
            group(n, "none", a.clauses());
        }
        return n;
    }

    private static void group(ObjectNode n, String type, List<Clause> clauses) {
        n.put("type", type);
        ArrayNode children = n.putArray("clauses");
        clauses.forEach(c -> children.add(clause(c)));
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }

    private static String duration(Duration d) {
        if (d == null) {
            return null;
        }
        if (d.toDays() > 0 && d.equals(Duration.ofDays(d.toDays()))) {
            return d.toDays() + "d";
        }
        if (d.toHours() > 0 && d.equals(Duration.ofHours(d.toHours()))) {
            return d.toHours() + "h";
        }
        if (d.toMinutes() > 0 && d.equals(Duration.ofMinutes(d.toMinutes()))) {
            return d.toMinutes() + "m";
        }
        return d.toString();
    }
}
