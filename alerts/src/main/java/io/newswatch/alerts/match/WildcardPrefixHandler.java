package io.newswatch.alerts.match;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.monitor.CustomQueryHandler;
import org.apache.lucene.monitor.QueryTree;
import org.apache.lucene.monitor.TermWeightor;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.WildcardQuery;

/**
 * Lets the presearcher file a wildcard ({@code terror*}, {@code organi?ation}) under its leading
 * letters instead of under "any article": the query side is filed under a marker term holding the
 * first 3 or 4 letters, and every word of an article also yields its 3- and 4-letter marker terms.
 * A stand-alone wildcard then only reaches articles having a word that starts the same way.
 */
final class WildcardPrefixHandler implements CustomQueryHandler {

    static final int MIN_PREFIX = 3;
    static final int MAX_PREFIX = 4;
    /** Cannot occur in an analysed word, so marker terms never collide with real ones. */
    static final char MARK = '\u0001';

    private final String field;

    WildcardPrefixHandler(String field) {
        this.field = field;
    }

    @Override
    public QueryTree handleQuery(Query query, TermWeightor weightor) {
        if (!(query instanceof PrefixQuery || query instanceof WildcardQuery)) {
            return null;
        }
        String prefix = literalPrefix(query);
        String queryField = query instanceof PrefixQuery p ? p.getField() : ((WildcardQuery) query).getField();
        if (!field.equals(queryField) || prefix.length() < MIN_PREFIX) {
            return null; // left to the presearcher: matches any article
        }
        String marker = MARK + prefix.substring(0, Math.min(MAX_PREFIX, prefix.length()));
        // A marker term is far more common than a word: weigh it like a short word.
        return QueryTree.term(new Term(field, marker), weightor.applyAsDouble(new Term(field, marker)) * 0.5);
    }

    @Override
    public TokenStream wrapTermStream(String fieldName, TokenStream in) {
        return field.equals(fieldName) ? new PrefixMarkers(in) : in;
    }

    /** The letters before the first wildcard character. */
    static String literalPrefix(Query query) {
        if (query instanceof PrefixQuery p) {
            return p.getPrefix().text();
        }
        String text = ((WildcardQuery) query).getTerm().text();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == WildcardQuery.WILDCARD_STRING || c == WildcardQuery.WILDCARD_CHAR || c == WildcardQuery.WILDCARD_ESCAPE) {
                break;
            }
            i++;
        }
        return text.substring(0, i);
    }

    /** Emits every word, followed by its 3- and 4-letter marker terms. */
    private static final class PrefixMarkers extends TokenFilter {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private String word;
        private int nextLength;

        PrefixMarkers(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (word != null && nextLength <= Math.min(MAX_PREFIX, word.length())) {
                term.setEmpty().append(MARK).append(word, 0, nextLength);
                nextLength++;
                return true;
            }
            if (!input.incrementToken()) {
                return false;
            }
            word = term.length() > 0 && term.charAt(0) != MARK ? term.toString() : null;
            nextLength = MIN_PREFIX;
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            word = null;
        }
    }
}
