package io.newswatch.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.newswatch.enrich.topic.DoccatTopicClassifier;
import io.newswatch.enrich.topic.Taxonomy;
import io.newswatch.enrich.topic.TrainTopicsCommand;
import picocli.CommandLine;

/** The offline commands end to end on real files. */
class EnrichCommandOfflineTest {

    @TempDir
    Path dir;

    @Test
    void enrichInWritesOneJsonObjectPerArticleAndReportsBadInput() throws Exception {
        Path samples = Path.of(getClass().getResource("/samples").toURI());
        Path input = dir.resolve("in");
        Files.createDirectories(input);
        for (Path p : Files.list(samples).toList()) {
            Files.copy(p, input.resolve(p.getFileName()));
        }
        Files.writeString(input.resolve("bad.jsonl"), "{\"title\": \"no text\"}\nnot json\n");
        Path out = dir.resolve("out.jsonl");
        StringWriter err = new StringWriter();

        int code = new CommandLine(new EnrichCommand()).setErr(new PrintWriter(err))
                .execute("--in", input.toString(), "--out", out.toString());

        assertThat(code).isZero();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines.get(0));
        JsonNode second = json.readTree(lines.get(1));
        assertThat(first.get("language").get("code").asText()).isEqualTo("eng");
        assertThat(first.get("storyId").asText()).isEqualTo(second.get("storyId").asText());
        assertThat(first.get("entities").get(0).has("salience")).isTrue();
        assertThat(first.get("topics").get(0).get("label").asText()).isNotBlank();
        assertThat(err.toString()).contains("bad.jsonl:1").contains("bad.jsonl:2").contains("2 articles enriched, 2 invalid");
    }

    @Test
    void trainTopicsWritesAModelTheEnricherCanUse() throws Exception {
        Path labelled = Path.of(getClass().getResource("/topics/labelled.jsonl").toURI());
        Path model = dir.resolve("topics.bin");
        StringWriter out = new StringWriter();

        int code = new CommandLine(new TrainTopicsCommand()).setOut(new PrintWriter(out))
                .execute("--in", labelled.toString(), "--out", model.toString(), "--cutoff", "1");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("17 topics");
        var classifier = DoccatTopicClassifier.load(model, Taxonomy.loadDefault().labels(), 0.0, 1);
        assertThat(classifier.classify("Striker scores twice in cup final", "The team won the match 2-0.")).hasSize(1);
    }

    @Test
    void trainTopicsNamesTheLineOfABadExample() throws Exception {
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, "{\"text\": \"a\", \"topic\": \"x\"}\n{\"text\": \"b\"}\n");
        StringWriter err = new StringWriter();
        int code = new CommandLine(new TrainTopicsCommand()).setErr(new PrintWriter(err))
                .execute("--in", bad.toString(), "--out", dir.resolve("m.bin").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("bad.jsonl:2").contains("topic");
    }
}
