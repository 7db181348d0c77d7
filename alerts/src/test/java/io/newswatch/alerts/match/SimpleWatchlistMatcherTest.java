package io.newswatch.alerts.match;

import static io.newswatch.alerts.Articles.enriched;
import static io.newswatch.alerts.Articles.entity;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.newswatch.watchlist.WatchlistParser;
import io.newswatch.schemas.EnrichedArticle;
import io.newswatch.schemas.EntityType;
import io.newswatch.schemas.Evidence;
import io.newswatch.schemas.Field;
import io.newswatch.schemas.Topic;

class SimpleWatchlistMatcherTest {

    private static final String TEXT = "Masood drove into pedestrians on Westminster Bridge. Police said he acted alone.";

    private static SimpleWatchlistMatcher matcher(String yaml) throws Exception {
        return new SimpleWatchlistMatcher(WatchlistParser.parse(yaml, "test.yaml"), "v1");
    }

    @Test
    void phraseMatchCarriesOffsetsAndSentence() throws Exception {
        var m = matcher("""
                watchlists:
                  - { id: bridge, match: { any: [ { phrase: "westminster   bridge" } ] } }
                """);
        List<WatchlistMatch> matches = m.match(enriched("a1", "s1", "Attack", TEXT, List.of(), List.of()));

        assertThat(matches).hasSize(1);
        Evidence e = matches.get(0).evidence().get(0);
        assertThat(e.getMatched()).isEqualTo("Westminster Bridge");
        assertThat(e.getField()).isEqualTo(Field.TEXT);
        assertThat(TEXT.substring(e.getStart(), e.getEnd())).isEqualTo("Westminster Bridge");
        assertThat(e.getSnippet()).isEqualTo("Masood drove into pedestrians on Westminster Bridge.");
        assertThat(e.getClause()).isEqualTo("match.any[0]");
    }

    @Test
    void termsRespectWordBoundariesAndNoneExcludes() throws Exception {
        var m = matcher("""
                watchlists:
                  - { id: police, match: { any: [ { term: police } ], none: [ { term: football } ] } }
                  - { id: pedestrian, match: { any: [ { term: pedestrian } ] } }
                """);
        assertThat(m.match(enriched("a1", "s1", "t", TEXT, List.of(), List.of())))
                .extracting(x -> x.watchlist().id()).containsExactly("police");
        assertThat(m.match(enriched("a2", "s2", "t", TEXT + " Football fans left.", List.of(), List.of()))).isEmpty();
    }

    @Test
    void entityTopicAndAllCombine() throws Exception {
        var m = matcher("""
                watchlists:
                  - id: masood-crime
                    match:
                      all:
                        - entity: { type: person, name: Khalid Masood, aliases: [Masood] }
                        - topic: { code: crime-law-justice, minScore: 0.5 }
                """);
        EnrichedArticle withBoth = enriched("a1", "s1", "t", TEXT, List.of(entity(EntityType.PERSON, "Masood", TEXT)),
                List.of(new Topic("crime-law-justice", "Crime, law and justice", 0.8)));
        EnrichedArticle lowTopic = enriched("a2", "s2", "t", TEXT, List.of(entity(EntityType.PERSON, "Masood", TEXT)),
                List.of(new Topic("crime-law-justice", "Crime, law and justice", 0.3)));
        EnrichedArticle wrongType = enriched("a3", "s3", "t", TEXT, List.of(entity(EntityType.LOCATION, "Masood", TEXT)),
                List.of(new Topic("crime-law-justice", "Crime, law and justice", 0.8)));

        List<WatchlistMatch> matches = m.match(withBoth);
        assertThat(matches).hasSize(1);
        assertThat(matches.get(0).evidence()).extracting(Evidence::getType).containsExactly("entity", "topic");
        assertThat(matches.get(0).score()).isEqualTo(1.0);
        assertThat(m.match(lowTopic)).isEmpty();
        assertThat(m.match(wrongType)).isEmpty();
    }

    @Test
    void languageAndSourceFilters() throws Exception {
        var m = matcher("""
                watchlists:
                  - { id: en-only, languages: [en], match: { any: [ { term: police } ] } }
                  - { id: de-only, languages: [de], match: { any: [ { term: police } ] } }
                  - { id: other-source, sources: [bbc.co.uk], match: { any: [ { term: police } ] } }
                  - { id: this-source, sources: [example], match: { any: [ { term: police } ] } }
                """);
        assertThat(m.match(enriched("a1", "s1", "t", TEXT, List.of(), List.of())))
                .extracting(x -> x.watchlist().id()).containsExactly("en-only", "this-source");
    }

    @Test
    void watchlistsWithQueriesAreSkippedNotFatal() throws Exception {
        var m = matcher("""
                watchlists:
                  - { id: q, match: { any: [ { query: "terror* AND London" } ] } }
                  - { id: ok, match: { any: [ { term: police } ] } }
                """);
        assertThat(m.match(enriched("a1", "s1", "t", TEXT, List.of(), List.of())))
                .extracting(x -> x.watchlist().id()).containsExactly("ok");
    }
}
