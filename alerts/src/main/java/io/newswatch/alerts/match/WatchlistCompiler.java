package io.newswatch.alerts.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

import io.newswatch.watchlist.Clause;
import io.newswatch.watchlist.Watchlist;
import io.newswatch.watchlist.WatchlistProblem;
import io.newswatch.watchlist.WatchlistSet;

/**
 * Turns watch-lists into Lucene queries over {@link ArticleFields}. A watch-list that cannot be
 * compiled, or that no word, entity or topic could ever pre-select (a stand-alone short wildcard,
 * a regular expression, only {@code none} clauses), is reported and left out; the others are kept.
 */
public final class WatchlistCompiler {

    private final Analyzer analyzer;

    public WatchlistCompiler(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** Compiles every watch-list of {@code set}; one that fails is reported at its clause's position and skipped. */
    public CompiledWatchlists compileAll(WatchlistSet set) {
        List<CompiledWatchlist> compiled = new ArrayList<>();
        List<WatchlistProblem> problems = new ArrayList<>();
        for (Watchlist w : set.watchlists()) {
            try {
                compiled.add(compile(w));
            } catch (WatchlistCompileException e) {
                problems.add(set.position(w.id(), e.path()).problem("watch-list '" + w.id() + "' skipped: " + e.getMessage()));
            }
        }
        return new CompiledWatchlists(set, List.copyOf(compiled), List.copyOf(problems));
    }

    public CompiledWatchlist compile(Watchlist w) throws WatchlistCompileException {
        List<CompiledWatchlist.Leaf> leaves = new ArrayList<>();
        Query query = clause(w.match(), leaves, true);
        if (!selective(query)) {
            throw new WatchlistCompileException("match", "it can match without any particular word, entity or topic "
                    + "(a stand-alone wildcard with fewer than " + CandidateKeys.MIN_PREFIX
                    + " leading letters, a regular expression, a fuzzy term, or only 'none' clauses), so it would be "
                    + "tried on every article; add a required term, phrase, entity or topic");
        }
        return new CompiledWatchlist(w, query, List.copyOf(leaves));
    }

    private Query clause(Clause c, List<CompiledWatchlist.Leaf> leaves, boolean positive) throws WatchlistCompileException {
        Query q;
        if (c instanceof Clause.Term t) {
            q = words(t.term(), t.path());
        } else if (c instanceof Clause.Phrase p) {
            q = words(p.phrase(), p.path());
        } else if (c instanceof Clause.Query query) {
            q = parse(query);
        } else if (c instanceof Clause.Entity e) {
            q = entity(e);
        } else if (c instanceof Clause.Topic t) {
            q = topic(t);
        } else if (c instanceof Clause.Any any) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            for (Clause child : any.clauses()) {
                b.add(clause(child, leaves, positive), Occur.SHOULD);
            }
            return b.build();
        } else if (c instanceof Clause.All all) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            boolean required = false;
            for (Clause child : all.clauses()) {
                if (child instanceof Clause.None none) {
                    // Excluded directly, so that the presearcher is not handed a match-all.
                    for (Clause excluded : none.clauses()) {
                        b.add(clause(excluded, leaves, false), Occur.MUST_NOT);
                    }
                } else {
                    b.add(clause(child, leaves, positive), Occur.MUST);
                    required = true;
                }
            }
            if (!required) {
                b.add(new MatchAllDocsQuery(), Occur.FILTER);
            }
            return b.build();
        } else if (c instanceof Clause.None none) {
            BooleanQuery.Builder b = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.FILTER);
            for (Clause excluded : none.clauses()) {
                b.add(clause(excluded, leaves, false), Occur.MUST_NOT);
            }
            return b.build();
        } else {
            throw new WatchlistCompileException(c.path(), "unsupported clause " + c);
        }
        if (positive) {
            leaves.add(new CompiledWatchlist.Leaf(c, q));
        }
        return q;
    }

    /** A term or phrase, analysed like the article text (so "e-mail" is the phrase "e mail"). */
    private Query words(String text, String path) throws WatchlistCompileException {
        List<String> tokens = tokens(text);
        if (tokens.isEmpty()) {
            throw new WatchlistCompileException(path, "'" + text + "' contains no searchable word");
        }
        if (tokens.size() == 1) {
            return new TermQuery(new Term(ArticleFields.TEXT, tokens.get(0)));
        }
        return new PhraseQuery(ArticleFields.TEXT, tokens.toArray(String[]::new));
    }

    private Query parse(Clause.Query clause) throws WatchlistCompileException {
        QueryParser parser = new QueryParser(ArticleFields.TEXT, analyzer);
        parser.setAllowLeadingWildcard(false);
        parser.setSplitOnWhitespace(true);
        parser.setAutoGeneratePhraseQueries(true);
        Query q;
        try {
            q = parser.parse(clause.query());
        } catch (ParseException e) {
            throw new WatchlistCompileException(clause.path(), "query syntax: " + firstLine(e.getMessage()));
        } catch (TooComplexToDeterminizeException | IndexSearcher.TooManyClauses e) {
            throw new WatchlistCompileException(clause.path(), "query too complex: " + firstLine(e.getMessage()));
        } catch (RuntimeException e) {
            throw new WatchlistCompileException(clause.path(), "query cannot be used: " + firstLine(String.valueOf(e.getMessage())));
        }
        Set<String> fields = new TreeSet<>();
        q.visit(new QueryVisitor() {
            @Override
            public boolean acceptField(String field) {
                fields.add(field);
                return true;
            }
        });
        fields.remove(ArticleFields.TEXT);
        if (!fields.isEmpty()) {
            throw new WatchlistCompileException(clause.path(), "unknown field(s) " + fields
                    + ": queries search the title and text; use entity and topic clauses for those");
        }
        if (q instanceof BooleanQuery b && b.clauses().isEmpty()) {
            throw new WatchlistCompileException(clause.path(), "query contains no searchable word");
        }
        return q;
    }

    private static Query entity(Clause.Entity e) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        Set<String> terms = new TreeSet<>();
        for (String name : e.names()) {
            String normalised = ArticleFields.normalize(name);
            if (!normalised.isEmpty()) {
                terms.add(ArticleFields.entityTerm(e.type(), normalised));
            }
        }
        if (e.id() != null) {
            terms.add(ArticleFields.entityIdTerm(e.id()));
        }
        for (String term : terms) {
            b.add(new TermQuery(new Term(ArticleFields.ENTITY, term)), Occur.SHOULD);
        }
        return b.build();
    }

    private static Query topic(Clause.Topic t) {
        TermQuery code = new TermQuery(new Term(ArticleFields.TOPIC, t.code()));
        if (t.minScore() <= 0) {
            return code;
        }
        return new BooleanQuery.Builder()
                .add(code, Occur.MUST)
                .add(DoublePoint.newRangeQuery(ArticleFields.TOPIC_SCORE_PREFIX + t.code(), t.minScore(),
                        Double.POSITIVE_INFINITY), Occur.FILTER)
                .build();
    }

    /** Whether the candidate index can file {@code q} under keys every matching article must contain. */
    static boolean selective(Query q) {
        return !new CandidateKeys(TermRarity.english()).requirements(q).isEmpty();
    }

    List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(ArticleFields.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                tokens.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).trim();
    }
}
