package io.newswatch.alerts.match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;

/**
 * What an article must contain for a query to match, as terms the candidate index can look up:
 * a list of requirements that all hold, each satisfied by any one of its keys ("zeppelin" AND
 * ("airship" OR "blimp")). Words are keys of the text field, a wildcard is keyed by its first
 * letters, entities and topics by their keyword terms. Parts that no key can express (a short
 * wildcard, a regular expression, a score range, an exclusion) add no requirement; a query with no
 * requirement at all would have to be tried on every article.
 */
final class CandidateKeys {

    /** A wildcard needs this many leading letters to be keyed. */
    static final int MIN_PREFIX = 3;
    /** Longer literal prefixes are keyed by their first this many bytes. */
    static final int MAX_PREFIX = 6;
    /** How many requirements of a disjunction's branches are combined (the candidate index uses two). */
    static final int PASSES = 2;

    enum Kind { WORD, PREFIX, ENTITY, TOPIC }

    record Key(Kind kind, BytesRef bytes) {
        static Key of(Kind kind, String text) {
            return new Key(kind, new BytesRef(text));
        }

        @Override
        public String toString() {
            return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + bytes.utf8ToString();
        }
    }

    /** One requirement: any of {@code keys}; {@code rarity} estimates the share of articles that satisfy it. */
    record Requirement(Set<Key> keys, double rarity) {
    }

    private final TermRarity rarity;

    CandidateKeys(TermRarity rarity) {
        this.rarity = rarity;
    }

    /** The requirements of {@code q}, rarest first; empty when the query can match without any key. */
    List<Requirement> requirements(Query q) {
        List<Requirement> all = new ArrayList<>(collect(q));
        all.sort(Comparator.comparingDouble(Requirement::rarity));
        return all;
    }

    private List<Requirement> collect(Query q) {
        if (q instanceof TermQuery t) {
            return single(key(t.getTerm()));
        } else if (q instanceof PhraseQuery p) {
            List<Requirement> r = new ArrayList<>();
            for (Term t : p.getTerms()) {
                r.addAll(single(key(t)));
            }
            return r;
        } else if (q instanceof MultiPhraseQuery m) {
            List<Requirement> r = new ArrayList<>();
            for (Term[] position : m.getTermArrays()) {
                r.addAll(anyOf(List.of(position)));
            }
            return r;
        } else if (q instanceof SynonymQuery s) {
            return anyOf(s.getTerms());
        } else if (q instanceof PrefixQuery || q instanceof WildcardQuery) {
            return single(prefixKey(q));
        } else if (q instanceof BoostQuery b) {
            return collect(b.getQuery());
        } else if (q instanceof ConstantScoreQuery c) {
            return collect(c.getQuery());
        } else if (q instanceof DisjunctionMaxQuery d) {
            return either(d.getDisjuncts());
        } else if (q instanceof BooleanQuery b) {
            List<Requirement> required = new ArrayList<>();
            List<Query> optional = new ArrayList<>();
            boolean anyRequired = false;
            for (BooleanClause c : b.clauses()) {
                if (c.isRequired()) {
                    anyRequired = true;
                    required.addAll(collect(c.getQuery()));
                } else if (c.getOccur() == BooleanClause.Occur.SHOULD) {
                    optional.add(c.getQuery());
                }
            }
            // With a required clause, optional ones only add to the score.
            return anyRequired ? required : either(optional);
        }
        return List.of();
    }

    /**
     * At least one of {@code queries} holds: each must have a requirement. The article then has one
     * of the branches' rarest requirements, and also one of their second rarest when every branch
     * has two (the branch that matched has both).
     */
    private List<Requirement> either(java.util.Collection<Query> queries) {
        if (queries.isEmpty()) {
            return List.of();
        }
        List<List<Requirement>> branches = new ArrayList<>();
        int depth = PASSES;
        for (Query q : queries) {
            List<Requirement> r = requirements(q);
            if (r.isEmpty()) {
                return List.of();
            }
            branches.add(r);
            depth = Math.min(depth, r.size());
        }
        if (branches.size() == 1) {
            return branches.get(0);
        }
        List<Requirement> result = new ArrayList<>(depth);
        for (int level = 0; level < depth; level++) {
            Set<Key> keys = new LinkedHashSet<>();
            double sum = 0;
            for (List<Requirement> b : branches) {
                keys.addAll(b.get(level).keys());
                sum += b.get(level).rarity();
            }
            result.add(new Requirement(Set.copyOf(keys), Math.min(1, sum)));
        }
        return result;
    }

    private List<Requirement> anyOf(List<Term> terms) {
        Set<Key> keys = new LinkedHashSet<>();
        double sum = 0;
        for (Term t : terms) {
            Key k = key(t);
            if (k == null) {
                return List.of();
            }
            keys.add(k);
            sum += rarity(k);
        }
        return keys.isEmpty() ? List.of() : List.of(new Requirement(Set.copyOf(keys), Math.min(1, sum)));
    }

    private List<Requirement> single(Key k) {
        return k == null ? List.of() : List.of(new Requirement(Set.of(k), rarity(k)));
    }

    private static Key key(Term t) {
        switch (t.field()) {
            case ArticleFields.TEXT:
                return new Key(Kind.WORD, BytesRef.deepCopyOf(t.bytes()));
            case ArticleFields.ENTITY:
                return new Key(Kind.ENTITY, BytesRef.deepCopyOf(t.bytes()));
            case ArticleFields.TOPIC:
                return new Key(Kind.TOPIC, BytesRef.deepCopyOf(t.bytes()));
            default:
                return null;
        }
    }

    private static Key prefixKey(Query q) {
        String field = q instanceof PrefixQuery p ? p.getField() : ((WildcardQuery) q).getField();
        String prefix = WildcardPrefixHandler.literalPrefix(q);
        if (!ArticleFields.TEXT.equals(field) || prefix.length() < MIN_PREFIX) {
            return null;
        }
        BytesRef bytes = new BytesRef(prefix);
        bytes.length = Math.min(bytes.length, MAX_PREFIX);
        return new Key(Kind.PREFIX, BytesRef.deepCopyOf(bytes));
    }

    double rarity(Key k) {
        switch (k.kind()) {
            case WORD:
                return rarity.word(k.bytes().utf8ToString());
            case PREFIX:
                // A prefix cut inside a multi-byte letter is scored by its whole letters.
                return rarity.prefix(new String(k.bytes().bytes, k.bytes().offset, k.bytes().length,
                        java.nio.charset.StandardCharsets.UTF_8).replace("\uFFFD", ""));
            case ENTITY:
                return TermRarity.ENTITY;
            default:
                return TermRarity.TOPIC;
        }
    }
}
