package io.newswatch.alerts.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

import io.newswatch.schemas.EnrichedArticle;
import io.newswatch.schemas.Entity;
import io.newswatch.schemas.EntityType;
import io.newswatch.schemas.Evidence;
import io.newswatch.schemas.Field;
import io.newswatch.schemas.Mention;
import io.newswatch.schemas.Topic;
import io.newswatch.watchlist.Clause;

/**
 * Explains matches: which positive clauses of a watch-list hold for the article, where in the title
 * or text (character offsets and the sentence around), and a score. Only run for the few
 * watch-lists that matched, on an index of the article that keeps offsets.
 */
final class EvidenceFinder {

    /** Distinct passages reported for one query clause. */
    static final int MAX_PASSAGES_PER_QUERY = 3;

    private final Analyzer analyzer;

    EvidenceFinder(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    List<WatchlistMatch> explain(EnrichedArticle article, Document doc, List<CompiledWatchlist> matched) {
        if (matched.isEmpty()) {
            return List.of();
        }
        MemoryIndex index = new MemoryIndex(true, false);
        for (IndexableField f : doc) {
            index.addField(f, analyzer);
        }
        return explain(article, index.createSearcher(), matched);
    }

    /** As above, on an index of the article that was built with offsets. */
    List<WatchlistMatch> explain(EnrichedArticle article, IndexSearcher searcher, List<CompiledWatchlist> matched) {
        if (matched.isEmpty()) {
            return List.of();
        }
        LeafReaderContext leaf = searcher.getIndexReader().leaves().get(0);
        String body = ArticleFields.body(article);
        int titleLength = article.getArticle().getTitle().length();
        List<WatchlistMatch> result = new ArrayList<>(matched.size());
        try {
            for (CompiledWatchlist w : matched) {
                List<Evidence> evidence = new ArrayList<>();
                int held = 0;
                for (CompiledWatchlist.Leaf l : w.leaves()) {
                    int before = evidence.size();
                    Clause c = l.clause();
                    if (c instanceof Clause.Entity e) {
                        entity(e, article, evidence);
                    } else if (c instanceof Clause.Topic t) {
                        topic(t, article, evidence);
                    } else {
                        text(l, searcher, leaf, body, titleLength, evidence);
                    }
                    held += evidence.size() > before ? 1 : 0;
                }
                double score = w.leaves().isEmpty() ? 0.5 : 0.5 + 0.5 * held / w.leaves().size();
                result.add(new WatchlistMatch(w.watchlist(), score, List.copyOf(evidence)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    private static void text(CompiledWatchlist.Leaf l, IndexSearcher searcher, LeafReaderContext leaf, String body,
            int titleLength, List<Evidence> evidence) throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(l.query()), ScoreMode.COMPLETE_NO_SCORES, 1f);
        Matches matches = weight.matches(leaf, 0);
        if (matches == null) {
            return;
        }
        MatchesIterator it = matches.getMatches(ArticleFields.TEXT);
        String type = type(l.clause());
        String value = value(l.clause());
        int limit = l.clause() instanceof Clause.Query ? MAX_PASSAGES_PER_QUERY : 1;
        Set<String> seen = new HashSet<>();
        while (it != null && it.next() && seen.size() < limit) {
            int start = it.startOffset();
            int end = it.endOffset();
            if (start < 0 || end > body.length() || start >= end) {
                continue;
            }
            String matched = body.substring(start, end);
            if (!seen.add(matched.toLowerCase(Locale.ROOT))) {
                continue;
            }
            boolean inTitle = start < titleLength;
            int offset = inTitle ? 0 : titleLength + ArticleFields.TITLE_SEPARATOR.length();
            String content = inTitle ? body.substring(0, titleLength) : body.substring(offset);
            evidence.add(new Evidence(l.clause().path(), type, value, matched, inTitle ? Field.TITLE : Field.TEXT,
                    start - offset, end - offset, Snippets.sentenceAround(content, start - offset, end - offset)));
        }
        if (seen.isEmpty()) {
            // Matched without a position in the text (cannot happen for words; kept so a match is never unexplained).
            evidence.add(new Evidence(l.clause().path(), type, value, value, null, null, null, null));
        }
    }

    private static void entity(Clause.Entity clause, EnrichedArticle a, List<Evidence> evidence) {
        Set<String> names = new HashSet<>();
        for (String n : clause.names()) {
            names.add(ArticleFields.normalize(n));
        }
        for (Entity e : a.getEntities()) {
            boolean typeOk = e.getType() == clause.type() || e.getType() == EntityType.MISC;
            boolean idOk = clause.id() != null && e.getWatchlistEntityIds().contains(clause.id());
            boolean nameOk = names.contains(ArticleFields.normalize(e.getName()))
                    || e.getMentions().stream().anyMatch(m -> names.contains(ArticleFields.normalize(m.getText())));
            if ((typeOk && nameOk) || idOk) {
                String value = clause.type().name().toLowerCase(Locale.ROOT) + ":" + clause.name();
                Mention m = e.getMentions().isEmpty() ? null : e.getMentions().get(0);
                if (m == null) {
                    evidence.add(new Evidence(clause.path(), "entity", value, e.getName(), null, null, null, null));
                } else {
                    String content = m.getField() == Field.TITLE ? a.getArticle().getTitle() : a.getArticle().getText();
                    boolean valid = m.getStart() >= 0 && m.getEnd() <= content.length() && m.getStart() <= m.getEnd();
                    evidence.add(new Evidence(clause.path(), "entity", value, e.getName(), m.getField(), m.getStart(),
                            m.getEnd(), valid ? Snippets.sentenceAround(content, m.getStart(), m.getEnd()) : null));
                }
                return;
            }
        }
    }

    private static void topic(Clause.Topic clause, EnrichedArticle a, List<Evidence> evidence) {
        for (Topic t : a.getTopics()) {
            if (t.getCode().equals(clause.code()) && t.getScore() >= clause.minScore()) {
                evidence.add(new Evidence(clause.path(), "topic", clause.code(),
                        t.getLabel() + String.format(Locale.ROOT, " (%.2f)", t.getScore()), null, null, null, null));
                return;
            }
        }
    }

    private static String type(Clause c) {
        if (c instanceof Clause.Term) {
            return "term";
        } else if (c instanceof Clause.Phrase) {
            return "phrase";
        }
        return "query";
    }

    private static String value(Clause c) {
        if (c instanceof Clause.Term t) {
            return t.term();
        } else if (c instanceof Clause.Phrase p) {
            return p.phrase();
        } else if (c instanceof Clause.Query q) {
            return q.query();
        }
        return c.path();
    }
}
