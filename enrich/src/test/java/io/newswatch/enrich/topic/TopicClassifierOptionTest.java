package io.newswatch.enrich.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.newswatch.enrich.EnrichCommand;
import picocli.CommandLine;

/** {@code newswatch enrich --topic-classifier} and {@code --taxonomy} on real files. */
class TopicClassifierOptionTest {

    @TempDir
    Path dir;

    @Test
    void choicesParse() {
        assertThat(TopicClassifierChoice.parse(null)).isEqualTo(TopicClassifierChoice.SEMANTIC);
        assertThat(TopicClassifierChoice.parse("Semantic")).isEqualTo(TopicClassifierChoice.SEMANTIC);
        assertThat(TopicClassifierChoice.parse("cues")).isEqualTo(TopicClassifierChoice.CUES);
        assertThat(TopicClassifierChoice.parse("models/topics.bin"))
                .isEqualTo(new TopicClassifierChoice.Model(Path.of("models/topics.bin")));
    }

    @Test
    void everyEnglishArticleWithTextGetsATopicByDefault() throws Exception {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, """
                {"title": "Mets edge Braves 4-3 in ten innings", "text": "A pinch hitter singled home the winning run."}
                {"title": "Thursday", "text": "It happened again, they said on Thursday."}
                """);
        Path out = dir.resolve("out.jsonl");
        int code = new CommandLine(new EnrichCommand()).execute("--in", in.toString(), "--out", out.toString());
        assertThat(code).isZero();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(out)) {
            JsonNode e = json.readTree(line);
            assertThat(e.get("topics")).as(line).isNotEmpty();
        }
        assertThat(json.readTree(Files.readAllLines(out).get(0)).get("topics").get(0).get("code").asText())
                .isEqualTo("sport");
    }

    @Test
    void aTaxonomyWithATypoStopsTheCommandWithFileLineAndColumn() throws Exception {
        Path taxonomy = dir.resolve("my-topics.yaml");
        Files.writeString(taxonomy, """
                threshold: 0.3
                topics:
                  - code: sport
                    label: Sport
                    exemplar: ["Striker scores twice"]
                """);
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, "{\"title\": \"t\", \"text\": \"x\"}\n");
        StringWriter err = new StringWriter();
        int code = new CommandLine(new EnrichCommand()).setErr(new PrintWriter(err))
                .execute("--in", in.toString(), "--taxonomy", taxonomy.toString(), "--topic-classifier", "cues");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains(taxonomy + ":5:5: topics[0].exemplar unknown field");
    }

    @Test
    void aMissingTopicModelFileIsAClearError() throws Exception {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, "{\"title\": \"t\", \"text\": \"x\"}\n");
        StringWriter err = new StringWriter();
        int code = new CommandLine(new EnrichCommand()).setErr(new PrintWriter(err))
                .execute("--in", in.toString(), "--topic-classifier", dir.resolve("none.bin").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("none.bin does not exist");
    }
}
