package io.newswatch.watchlist;

import java.util.List;

import io.newswatch.schemas.EntityType;

/**
 * One condition of a watch-list. {@code path} locates the clause in its watch-list (e.g.
 * {@code match.any[1]}) so that alerts can say which clause matched.
 */
public sealed interface Clause {

    String path();

    /** A single word, matched case-insensitively on word boundaries. */
    record Term(String path, String term) implements Clause {
    }

    /** Words in this order, case-insensitively, any whitespace between them. */
    record Phrase(String path, String phrase) implements Clause {
    }

    /** A Lucene query (boolean, phrase, proximity, wildcards). */
    record Query(String path, String query) implements Clause {
    }

    /** A named entity of the enriched article, by canonical name or alias. */
    record Entity(String path, EntityType type, String name, List<String> aliases, String id) implements Clause {
        public List<String> names() {
            return java.util.stream.Stream.concat(java.util.stream.Stream.of(name), aliases.stream()).toList();
        }
    }

    /** A topic of the enriched article, at or above a minimum score. */
    record Topic(String path, String code, double minScore) implements Clause {
    }

    /** At least one of the clauses. */
    record Any(String path, List<Clause> clauses) implements Clause {
    }

    /** Every one of the clauses. */
    record All(String path, List<Clause> clauses) implements Clause {
    }

    /** None of the clauses. */
    record None(String path, List<Clause> clauses) implements Clause {
    }
}
