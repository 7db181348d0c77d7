package io.newswatch.alerts.match;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newswatch.watchlist.Clause;
import io.newswatch.watchlist.Watchlist;
import io.newswatch.schemas.EnrichedArticle;
import io.newswatch.schemas.Entity;
import io.newswatch.schemas.EntityType;
import io.newswatch.schemas.Evidence;
import io.newswatch.schemas.Field;
import io.newswatch.schemas.Topic;

/**
 * Evaluates every watch-list against every article, term and phrase clauses with word-boundary
 * regular expressions. Cost grows linearly with the number of watch-lists; query clauses are not
 * supported and make their watch-list be skipped.
 */
public final class SimpleWatchlistMatcher implements WatchlistMatcher {

    private static final Logger log = LoggerFactory.getLogger(SimpleWatchlistMatcher.class);

    private final List<Watchlist> watchlists;
    private final String version;

    public SimpleWatchlistMatcher(List<Watchlist> watchlists, String version) {
        List<Watchlist> usable = new ArrayList<>();
        for (Watchlist w : watchlists) {
            if (containsQuery(w.match())) {
                log.warn("Watch-list '{}' skipped: query clauses are not supported by this matcher", w.id());
            } else {
                usable.add(w);
            }
        }
        this.watchlists = List.copyOf(usable);
        this.version = version;
    }

    /** A short content hash for a watch-list file, used as its version. */
    public static String versionOf(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public List<WatchlistMatch> match(EnrichedArticle article) {
        List<WatchlistMatch> matches = new ArrayList<>();
        for (Watchlist w : watchlists) {
            if (!appliesTo(w, article)) {
                continue;
            }
            List<Evidence> evidence = new ArrayList<>();
            if (eval(w.match(), article, evidence)) {
                int leaves = positiveLeaves(w.match());
                double score = Math.min(1.0, (double) evidence.size() / Math.max(1, leaves));
                matches.add(new WatchlistMatch(w, score, evidence));
            }
        }
        return matches;
    }

    private boolean eval(Clause clause, EnrichedArticle a, List<Evidence> evidence) {
        if (clause instanceof Clause.Term t) {
            return find(Pattern.compile("\\b" + Pattern.quote(t.term()) + "\\b",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), t.path(), "term", t.term(), a, evidence);
        } else if (clause instanceof Clause.Phrase p) {
            return find(phrasePattern(p.phrase()), p.path(), "phrase", p.phrase(), a, evidence);
        } else if (clause instanceof Clause.Entity e) {
            return entity(e, a, evidence);
        } else if (clause instanceof Clause.Topic t) {
            return topic(t, a, evidence);
        } else if (clause instanceof Clause.Any any) {
            boolean found = false;
            for (Clause c : any.clauses()) {
                found |= eval(c, a, evidence); // keep evaluating to collect all evidence
            }
            return found;
        } else if (clause instanceof Clause.All all) {
            List<Evidence> collected = new ArrayList<>();
            for (Clause c : all.clauses()) {
                if (!eval(c, a, collected)) {
                    return false;
                }
            }
            evidence.addAll(collected);
            return true;
        } else if (clause instanceof Clause.None none) {
            for (Clause c : none.clauses()) {
                if (eval(c, a, new ArrayList<>())) {
                    return false;
                }
            }
            return true;
        }
        return false; // Query: not supported here, and such watch-lists were skipped
    }

    private static Pattern phrasePattern(String phrase) {
        String[] words = phrase.trim().split("\\s+");
        StringBuilder regex = new StringBuilder("\\b");
        for (int i = 0; i < words.length; i++) {
            regex.append(i == 0 ? "" : "\\s+").append(Pattern.quote(words[i]));
        }
        return Pattern.compile(regex.append("\\b").toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static boolean find(Pattern pattern, String path, String type, String value, EnrichedArticle a,
            List<Evidence> evidence) {
        String title = a.getArticle().getTitle();
        String text = a.getArticle().getText();
        for (Field field : Field.values()) {
            String content = field == Field.TITLE ? title : text;
            Matcher m = pattern.matcher(content);
            if (m.find()) {
                evidence.add(new Evidence(path, type, value, m.group(), field, m.start(), m.end(),
                        Snippets.sentenceAround(content, m.start(), m.end())));
                return true;
            }
        }
        return false;
    }

    private static boolean entity(Clause.Entity clause, EnrichedArticle a, List<Evidence> evidence) {
        for (Entity e : a.getEntities()) {
            // Entities the enricher could not type (MISC) still count when their name matches.
            boolean typeOk = e.getType() == clause.type() || e.getType() == EntityType.MISC;
            boolean idOk = clause.id() != null && e.getWatchlistEntityIds().contains(clause.id());
            boolean nameOk = clause.names().stream().anyMatch(n -> n.equalsIgnoreCase(e.getName()));
            if (typeOk && (idOk || nameOk)) {
                var mention = e.getMentions().isEmpty() ? null : e.getMentions().get(0);
                String content = mention == null ? null
                        : mention.getField() == Field.TITLE ? a.getArticle().getTitle() : a.getArticle().getText();
                evidence.add(new Evidence(clause.path(), "entity", clause.type().name().toLowerCase(Locale.ROOT) + ":"
                        + clause.name(), e.getName(), mention == null ? null : mention.getField(),
                        mention == null ? null : mention.getStart(), mention == null ? null : mention.getEnd(),
                        mention == null ? null : Snippets.sentenceAround(content, mention.getStart(), mention.getEnd())));
                return true;
            }
        }
        return false;
    }

    private static boolean topic(Clause.Topic clause, EnrichedArticle a, List<Evidence> evidence) {
        for (Topic t : a.getTopics()) {
            if (t.getCode().equals(clause.code()) && t.getScore() >= clause.minScore()) {
                evidence.add(new Evidence(clause.path(), "topic", clause.code(),
                        t.getLabel() + String.format(Locale.ROOT, " (%.2f)", t.getScore()), null, null, null, null));
                return true;
            }
        }
        return false;
    }

    static boolean appliesTo(Watchlist w, EnrichedArticle a) {
        if (!w.languages().isEmpty()) {
            String detected = iso3(a.getLanguage().getCode());
            if (w.languages().stream().map(SimpleWatchlistMatcher::iso3).noneMatch(detected::equals)) {
                return false;
            }
        }
        if (!w.sources().isEmpty()) {
            String name = a.getArticle().getSource().getName();
            String domain = a.getArticle().getSource().getDomain();
            return w.sources().stream().anyMatch(s -> s.equalsIgnoreCase(name)
                    || (domain != null && (domain.equalsIgnoreCase(s) || domain.toLowerCase(Locale.ROOT)
                            .endsWith("." + s.toLowerCase(Locale.ROOT)))));
        }
        return true;
    }

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

    private static boolean containsQuery(Clause clause) {
        if (clause instanceof Clause.Query) {
            return true;
        }
        return children(clause).stream().anyMatch(SimpleWatchlistMatcher::containsQuery);
    }

    private static int positiveLeaves(Clause clause) {
        if (clause instanceof Clause.Any any) {
            return any.clauses().isEmpty() ? 0 : 1;
        } else if (clause instanceof Clause.All all) {
            return all.clauses().stream().mapToInt(SimpleWatchlistMatcher::positiveLeaves).sum();
        } else if (clause instanceof Clause.None) {
            return 0;
        }
        return 1;
    }

    private static List<Clause> children(Clause clause) {
        if (clause instanceof Clause.Any any) {
            return any.clauses();
        } else if (clause instanceof Clause.All all) {
            return all.clauses();
        } else if (clause instanceof Clause.None none) {
            return none.clauses();
        }
        return List.of();
    }
}
