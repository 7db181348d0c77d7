package io.newswatch.alerts.match;

import static io.newswatch.alerts.Articles.enriched;
import static io.newswatch.alerts.Articles.entity;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.newswatch.schemas.EnrichedArticle;
import io.newswatch.schemas.EntityType;
import io.newswatch.schemas.Evidence;
import io.newswatch.schemas.Field;
import io.newswatch.schemas.Topic;

class IndexedWatchlistMatcherTest {

    private static final String TEXT = "Masood drove into pedestrians on Westminster Bridge. Police said he acted alone.";
    private static final Topic CRIME = new Topic("crime-law-justice", "Crime, law and justice", 0.8);

    private static List<String> ids(List<WatchlistMatch> matches) {
        return matches.stream().map(m -> m.watchlist().id()).toList();
    }

    @Test
    void phraseMatchCarriesOffsetsAndSentence() throws Exception {
        try (var m = Matchers.indexed("""
                watchlists:
                  - { id: bridge, match: { any: [ { phrase: "westminster   bridge" } ] } }
                """)) {
            List<WatchlistMatch> matches = m.match(enriched("a1", "s1", "Attack", TEXT, List.of(), List.of()));

            assertThat(matches).hasSize(1);
            Evidence e = matches.get(0).evidence().get(0);
            assertThat(e.getMatched()).isEqualTo("Westminster Bridge");
            assertThat(e.getField()).isEqualTo(Field.TEXT);
            assertThat(TEXT.substring(e.getStart(), e.getEnd())).isEqualTo("Westminster Bridge");
            assertThat(e.getSnippet()).isEqualTo("Masood drove into pedestrians on Westminster Bridge.");
            assertThat(e.getClause()).isEqualTo("match.any[0]");
            assertThat(e.getType()).isEqualTo("phrase");
        }
    }

    @Test
    void titleMatchesAreLocatedInTheTitle() throws Exception {
        try (var m = Matchers.indexed("watchlists:\n  - { id: a, match: { any: [ { term: attack } ] } }\n")) {
            Evidence e = m.match(enriched("a1", "s1", "Attack in London", TEXT, List.of(), List.of())).get(0).evidence().get(0);
            assertThat(e.getField()).isEqualTo(Field.TITLE);
            assertThat(e.getStart()).isZero();
            assertThat(e.getEnd()).isEqualTo(6);
        }
    }

    @Test
    void termsRespectWordBoundariesAndNoneExcludes() throws Exception {
        try (var m = Matchers.indexed("""
                watchlists:
                  - { id: police, match: { any: [ { term: police } ], none: [ { term: football } ] } }
                  - { id: pedestrian, match: { any: [ { term: pedestrian } ] } }
                """)) {
            assertThat(ids(m.match(enriched("a1", "s1", "t", TEXT, List.of(), List.of())))).containsExactly("police");
            assertThat(m.match(enriched("a2", "s2", "t", TEXT + " Football fans left.", List.of(), List.of()))).isEmpty();
        }
    }

    @Test
    void luceneQueriesWithWildcardsProximityAndBooleans() throws Exception {
        try (var m = Matchers.indexed("""
                watchlists:
                  - { id: terror, match: { any: [ { query: 'terror* AND (London OR Westminster)' } ] } }
                  - { id: near, match: { any: [ { query: '"drove pedestrians"~2' } ] } }
                  - { id: far, match: { any: [ { query: '"masood police"~3' } ] } }
                  - { id: wild, match: { any: [ { query: 'pedes?rians' } ] } }
                """)) {
            String text = TEXT + " It was treated as a terrorist incident.";
            List<WatchlistMatch> matches = m.match(enriched("a1", "s1", "t", text, List.of(), List.of()));
            assertThat(ids(matches)).containsExactly("terror", "near", "wild");
            assertThat(matches.get(0).evidence()).extracting(Evidence::getMatched)
                    .containsExactlyInAnyOrder("Westminster", "terrorist");
        }
    }

    @Test
    void entityTopicAndAllCombine() throws Exception {
        try (var m = Matchers.indexed("""
                watchlists:
                  - id: masood-crime
                    match:
                      all:
                        - entity: { type: person, name: Khalid Masood, aliases: [Masood] }
                        - topic: { code: crime-law-justice, minScore: 0.5 }
                """)) {
            EnrichedArticle withBoth = enriched("a1", "s1", "t", TEXT, List.of(entity(EntityType.PERSON, "Masood", TEXT)),
                    List.of(CRIME));
            EnrichedArticle lowTopic = enriched("a2", "s2", "t", TEXT, List.of(entity(EntityType.PERSON, "Masood", TEXT)),
                    List.of(new Topic("crime-law-justice", "Crime, law and justice", 0.3)));
            EnrichedArticle wrongType = enriched("a3", "s3", "t", TEXT,
                    List.of(entity(EntityType.LOCATION, "Masood", TEXT)), List.of(CRIME));
            EnrichedArticle untyped = enriched("a4", "s4", "t", TEXT, List.of(entity(EntityType.MISC, "Masood", TEXT)),
                    List.of(CRIME));

            List<WatchlistMatch> matches = m.match(withBoth);
            assertThat(matches).hasSize(1);
            assertThat(matches.get(0).evidence()).extracting(Evidence::getType).containsExactly("entity", "topic");
            assertThat(matches.get(0).evidence().get(0).getStart()).isEqualTo(TEXT.indexOf("Masood"));
            assertThat(matches.get(0).score()).isEqualTo(1.0);
            assertThat(m.match(lowTopic)).isEmpty();
            assertThat(m.match(wrongType)).isEmpty();
            assertThat(m.match(untyped)).hasSize(1);
        }
    }

    @Test
    void theIssueExampleMeansWhatItSays() throws Exception {
        String yaml = new String(getClass().getResourceAsStream("/watchlists/issue-example.yaml").readAllBytes());
        try (var m = Matchers.indexed(yaml)) {
            String text = "Khalid Masood attacked Westminster. Apple refused to build a back door into encrypted phones.";
            var masood = entity(EntityType.PERSON, "Khalid Masood", text);
            var apple = entity(EntityType.ORGANIZATION, "Apple", text);
            assertThat(ids(m.match(enriched("a1", "s1", "t", text, List.of(masood, apple), List.of(CRIME)))))
                    .containsExactly("uk-terror", "encryption-policy");
            assertThat(ids(m.match(enriched("a2", "s2", "t", text, List.of(masood, apple), List.of()))))
                    .as("uk-terror needs the crime topic").containsExactly("encryption-policy");
            assertThat(ids(m.match(enriched("a3", "s3", "t", text + " A football match was cancelled.",
                    List.of(masood), List.of(CRIME))))).as("none: football").isEmpty();
        }
    }

    @Test
    void languageAndSourceFilters() throws Exception {
        try (var m = Matchers.indexed("""
                watchlists:
                  - { id: en-only, languages: [en], match: { any: [ { term: police } ] } }
                  - { id: de-only, languages: [de], match: { any: [ { term: police } ] } }
                  - { id: other-source, sources: [bbc.co.uk], match: { any: [ { term: police } ] } }
                  - { id: this-source, sources: [example], match: { any: [ { term: police } ] } }
                """)) {
            assertThat(ids(m.match(enriched("a1", "s1", "t", TEXT, List.of(), List.of()))))
                    .containsExactly("en-only", "this-source");
        }
    }

    @Test
    void agreesWithRunningEveryQuery() throws Exception {
        String yaml = """
                watchlists:
                  - { id: a, match: { any: [ { query: 'pedestr* OR bridge' } ] } }
                  - { id: b, match: { all: [ { term: police }, { phrase: acted alone } ] } }
                  - { id: c, match: { all: [ { term: police } ], none: [ { term: masood } ] } }
                  - { id: d, match: { any: [ { entity: { type: person, name: Masood } }, { term: nothing } ] } }
                """;
        CompiledWatchlists compiled = Matchers.compiled(yaml);
        NaiveWatchlistMatcher naive = new NaiveWatchlistMatcher(compiled.watchlists(), "v1");
        try (var m = new IndexedWatchlistMatcher(compiled); var monitor = new MonitorWatchlistMatcher(compiled)) {
            for (String text : List.of(TEXT, "Police acted alone.", "A bridge.", "Nothing here.", "Pedestrians.")) {
                EnrichedArticle a = enriched("x", "s", "t", text, List.of(entity(EntityType.PERSON, "Masood", text)),
                        List.of());
                assertThat(m.match(a)).isEqualTo(naive.match(a)).isEqualTo(monitor.match(a));
            }
        }
    }
}
