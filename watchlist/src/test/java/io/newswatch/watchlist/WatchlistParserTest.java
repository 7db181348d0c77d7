package io.newswatch.watchlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.newswatch.schemas.EntityType;
import io.newswatch.schemas.Severity;

class WatchlistParserTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = WatchlistParserTest.class.getResourceAsStream("/watchlists/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsTheDocumentedExample() throws Exception {
        List<Watchlist> lists = WatchlistParser.parse(resource("issue-example.yaml"), "issue-example.yaml");

        assertThat(lists).extracting(Watchlist::id).containsExactly("uk-terror", "encryption-policy");
        Watchlist terror = lists.get(0);
        assertThat(terror.severity()).isEqualTo(Severity.HIGH);
        assertThat(terror.languages()).containsExactly("en");
        assertThat(terror.throttle()).isEqualTo(Duration.ofHours(24));
        Clause.All top = (Clause.All) terror.match();
        assertThat(top.clauses()).hasSize(3);
        Clause.Any any = (Clause.Any) top.clauses().get(0);
        assertThat(any.clauses().get(0)).isEqualTo(
                new Clause.Entity("match.any[0]", EntityType.PERSON, "Khalid Masood", List.of(), null));
        assertThat(any.clauses().get(1)).isEqualTo(new Clause.Phrase("match.any[1]", "Westminster Bridge"));
        assertThat(any.clauses().get(2)).isEqualTo(new Clause.Query("match.any[2]", "terror* AND (London OR Westminster)"));
        assertThat(((Clause.All) top.clauses().get(1)).clauses()).containsExactly(
                new Clause.Topic("match.all[0]", "crime-law-justice", 0.0));
        assertThat(((Clause.None) top.clauses().get(2)).clauses()).containsExactly(new Clause.Term("match.none[0]", "football"));

        Watchlist encryption = lists.get(1);
        assertThat(encryption.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(encryption.throttle()).isEqualTo(Watchlist.DEFAULT_THROTTLE);
        Clause.All all = (Clause.All) encryption.match();
        Clause.Any orgs = (Clause.Any) all.clauses().get(1);
        assertThat(((Clause.Entity) orgs.clauses().get(0)).names()).containsExactly("WhatsApp", "WhatsApp Inc");
    }

    @Test
    void reportsEveryProblemWithLineAndColumn() {
        String yaml = """
                watchlists:
                  - id: Bad Id
                    severity: urgent
                    match:
                      any:
                        - term: two words
                        - entity: { type: company, name: Acme }
                        - colour: red
                  - id: no-match
                """;
        InvalidWatchlistException e = catchThrowableOfType(InvalidWatchlistException.class,
                () -> WatchlistParser.parse(yaml, "lists.yaml"));

        assertThat(e.problems()).extracting(WatchlistProblem::toString).containsExactly(
                "lists.yaml:2:9: id 'Bad Id' must be lower-case letters, digits, '.', '_' or '-' (at most 100)",
                "lists.yaml:3:15: severity must be one of low, medium, high, critical; was 'urgent'",
                "lists.yaml:6:17: term must be a single word; use phrase for several",
                "lists.yaml:7:27: entity type must be person, organization, location or misc; was 'company'",
                "lists.yaml:8:11: unknown key 'colour' in match.any[2] (expected one of [all, any, entity, none, phrase, query, term, topic])",
                "lists.yaml:8:11: match.any[2] must have exactly one of term, phrase, query, entity, topic, any, all, none",
                "lists.yaml:9:5: missing 'match'");
    }

    @Test
    void rejectsDuplicateIdsAndKeys() {
        String yaml = """
                watchlists:
                  - { id: a, match: { any: [ { term: x } ] } }
                  - { id: a, match: { any: [ { term: y } ] } }
                """;
        assertThatThrownBy(() -> WatchlistParser.parse(yaml, "f.yaml")).hasMessage("f.yaml:3:5: duplicate watch-list id 'a'");
        assertThatThrownBy(() -> WatchlistParser.parse("watchlists: []\nwatchlists: []\n", "f.yaml"))
                .isInstanceOf(InvalidWatchlistException.class)
                .hasMessageContaining("f.yaml:2:1").hasMessageContaining("duplicate");
    }

    @Test
    void refusesAliasBombsAndBrokenYaml() {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 0; i < 60; i++) {
            bomb.append((char) ('b' + i % 20)).append(i).append(": &").append("n").append(i).append(" [*a, *a]\n");
        }
        bomb.append("watchlists: []\n");
        assertThatThrownBy(() -> WatchlistParser.parse(bomb.toString(), "bomb.yaml"))
                .isInstanceOf(InvalidWatchlistException.class).hasMessageStartingWith("bomb.yaml:");
        assertThatThrownBy(() -> WatchlistParser.parse("watchlists: [\n  - id: x\n", "broken.yaml"))
                .isInstanceOf(InvalidWatchlistException.class).hasMessageStartingWith("broken.yaml:")
                .hasMessageContaining("invalid YAML");
        assertThatThrownBy(() -> WatchlistParser.parse("", "empty.yaml")).hasMessageContaining("empty file");
    }

    @Test
    void parsesDurationsAndTopicScores() throws Exception {
        List<Watchlist> lists = WatchlistParser.parse("""
                watchlists:
                  - id: t
                    throttle: 90m
                    topic: alerts.team-a
                    sources: [bbc.co.uk]
                    match:
                      all:
                        - topic: { code: politics, minScore: 0.4 }
                """, "t.yaml");
        assertThat(lists.get(0).throttle()).isEqualTo(Duration.ofMinutes(90));
        assertThat(lists.get(0).topic()).isEqualTo("alerts.team-a");
        assertThat(lists.get(0).sources()).containsExactly("bbc.co.uk");
        assertThat(((Clause.All) lists.get(0).match()).clauses()).containsExactly(new Clause.Topic("match.all[0]", "politics", 0.4));
    }

    @Test
    void updatesIsAFlagDefaultingToOff() throws Exception {
        List<Watchlist> lists = WatchlistParser.parse("""
                watchlists:
                  - { id: a, updates: true, match: { any: [ { term: x } ] } }
                  - { id: b, match: { any: [ { term: x } ] } }
                """, "u.yaml");
        assertThat(lists).extracting(Watchlist::updates).containsExactly(true, false);
        assertThatThrownBy(() -> WatchlistParser.parse("""
                watchlists:
                  - { id: a, updates: sometimes, match: { any: [ { term: x } ] } }
                """, "u.yaml")).hasMessage("u.yaml:2:23: updates must be true or false; was 'sometimes'");
    }
}
