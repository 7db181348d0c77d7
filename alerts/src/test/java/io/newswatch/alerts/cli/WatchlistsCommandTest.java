package io.newswatch.alerts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class WatchlistsCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return new CommandLine(new WatchlistsCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
    }

    @Test
    void validateReportsEveryProblemAsFileLineColumn() throws Exception {
        Path good = dir.resolve("good.yaml");
        Files.writeString(good, "watchlists:\n  - { id: a, match: { any: [ { term: x } ] } }\n");
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
                watchlists:
                  - id: a
                    severity: urgent
                    match: { any: [ { term: x } ] }
                  - id: b
                    match:
                      any:
                        - query: 'x AND ('
                """);

        assertThat(run("validate", good.toString())).isZero();
        assertThat(out.toString()).contains("good.yaml: valid");
        assertThat(run("validate", good.toString(), bad.toString())).isEqualTo(1);
        assertThat(err.toString().lines()).containsExactly(
                bad + ":3:15: severity must be one of low, medium, high, critical; was 'urgent'");

        Files.writeString(bad, "watchlists:\n  - id: b\n    match:\n      any:\n        - query: 'x AND ('\n");
        assertThat(run("validate", bad.toString())).isEqualTo(1);
        assertThat(err.toString()).contains(bad + ":5:11: watch-list 'b' skipped: query syntax:");
    }

    @Test
    void testShowsWhichWatchlistsFireOnWhichArticleAndWhy() throws Exception {
        Path lists = dir.resolve("lists.yaml");
        Files.writeString(lists, """
                watchlists:
                  - { id: bridge, severity: high, match: { any: [ { phrase: Westminster Bridge } ] } }
                  - { id: fire, match: { any: [ { term: fire } ] } }
                """);
        Path articles = dir.resolve("articles.jsonl");
        Files.writeString(articles, """
                {"id": "a1", "url": "https://news.example/1", "title": "Attack", "text": "Police closed Westminster Bridge.", "source": "Example"}
                {"id": "a2", "url": "https://news.example/2", "title": "Quiet day", "text": "Nothing happened.", "source": "Example"}
                """);

        assertThat(run("test", lists.toString(), "--in", articles.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("bridge").contains("match.any[0] phrase \"Westminster Bridge\" @text 14-32")
                .contains("2 articles, 1 matches");

        out.getBuffer().setLength(0);
        assertThat(run("test", lists.toString(), "--in", articles.toString(), "--json")).isZero();
        assertThat(out.toString().lines()).hasSize(1).allSatisfy(l -> assertThat(l).startsWith("{").contains("\"watchlistId\":\"bridge\""));
    }
}
