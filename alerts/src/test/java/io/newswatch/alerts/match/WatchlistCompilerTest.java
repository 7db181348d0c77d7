package io.newswatch.alerts.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.newswatch.watchlist.WatchlistProblem;

class WatchlistCompilerTest {

    @Test
    void aWatchlistThatDoesNotCompileIsReportedAtItsClauseAndSkipped() throws Exception {
        CompiledWatchlists c = Matchers.compiled("""
                watchlists:
                  - id: ok
                    match: { any: [ { term: police } ] }
                  - id: broken
                    match:
                      any:
                        - term: police
                        - query: 'terror AND (London'
                  - id: field
                    match: { any: [ { query: 'title:police' } ] }
                """);
        assertThat(c.watchlists()).extracting(w -> w.watchlist().id()).containsExactly("ok");
        assertThat(c.problems()).extracting(WatchlistProblem::toString).satisfiesExactly(
                p -> assertThat(p).startsWith("test.yaml:8:11: watch-list 'broken' skipped: query syntax:"),
                p -> assertThat(p).startsWith("test.yaml:10:21: watch-list 'field' skipped: unknown field(s) [title]"));
    }

    @Test
    void standAloneWildcardsAndRegexpsAreRejectedButAllowedNextToARequiredWord() throws Exception {
        CompiledWatchlists c = Matchers.compiled("""
                watchlists:
                  - { id: short-wildcard, match: { any: [ { query: 'te*' } ] } }
                  - { id: regexp, match: { any: [ { query: '/terr.*/' } ] } }
                  - { id: only-none, match: { none: [ { term: football } ] } }
                  - { id: only-not, match: { any: [ { query: '*:* -football' } ] } }
                  - { id: long-wildcard, match: { any: [ { query: 'terror*' } ] } }
                  - { id: anchored, match: { all: [ { query: 'te* AND london' } ] } }
                """);
        assertThat(c.watchlists()).extracting(w -> w.watchlist().id()).containsExactly("long-wildcard", "anchored");
        assertThat(c.problems()).hasSize(4).allSatisfy(p -> assertThat(p.message()).contains("tried on every article"));
    }
}
