package io.newswatch.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NER through {@code newswatch enrich --in}, exact spans, per type: the VOA news sentences of the
 * OpenNLP test data (one sentence per line), the text written for the pipeline cases (line breaks,
 * all-caps headlines, repeated names) and, when present, the three independent gold sets. The accurate
 * model is measured too with {@code -Dnewswatch.eval.accurate=true} (about 1 GB of heap); set
 * {@code -Dnewswatch.eval.errors=true} to print every error.
 */
class PipelineNerEvaluationTest {

    private static final String[] VOA = {"/opennlp/tools/namefind/voa1.train", "/opennlp/tools/namefind/voa2.train"};
    /** The independent gold sets, in the order they were written. */
    private static final List<GoldSet> GOLD_SETS = List.of(new GoldSet("independent gold set", "/ner/ner-gold.txt"),
            new GoldSet("second independent gold set", "/ner/ner-gold-2.txt"),
            new GoldSet("third independent gold set", "/ner/ner-gold-3.txt"),
            new GoldSet("fourth independent gold set", "/ner/ner-gold-4.txt"),
            new GoldSet("fifth independent gold set", "/ner/ner-gold-5.txt"));

    private record GoldSet(String label, String resource) {
    }

    @TempDir
    Path dir;

    @Test
    void defaultModel() throws Exception {
        run("fast");
    }

    @Test
    void accurateModel() throws Exception {
        if (Boolean.getBoolean("newswatch.eval.accurate")) {
            run("accurate");
        }
    }

    private void run(String model) throws Exception {
        PipelineNerEvaluation.Scores voa = report("VOA sentences, " + model, voa(), model);
        PipelineNerEvaluation.Scores cases = report("pipeline cases, " + model, resource("/ner/pipeline-cases.txt"), model);
        Map<String, Double> independent = new LinkedHashMap<>();
        for (GoldSet set : GOLD_SETS) {
            List<GoldDocuments.Document> gold = resource(set.resource());
            assertThat(gold).as(set.resource()).isNotEmpty();
            independent.put(set.label(), report(set.label() + ", " + model, gold, model).f1());
        }
        // Floors well below the measured figures (see the README): they catch a broken pipeline,
        // and on the independent sets a step that costs more than a couple of points.
        assertThat(voa.f1()).isGreaterThan(0.75);
        assertThat(cases.f1()).isGreaterThan(0.75);
        assertThat(independent).allSatisfy((set, f1) -> assertThat(f1).as(set).isGreaterThan(0.89));
    }

    private PipelineNerEvaluation.Scores report(String label, List<GoldDocuments.Document> docs, String model)
            throws IOException {
        Path work = Files.createTempDirectory(dir, "eval");
        PipelineNerEvaluation.Scores s = PipelineNerEvaluation.evaluate(docs, work, "--ner-model", model);
        System.out.print(s.table("NER through enrich --in: " + label + " (" + docs.size() + " documents)"));
        if (Boolean.getBoolean("newswatch.eval.errors")) {
            s.errors.forEach(e -> System.out.println("    " + e));
        }
        return s;
    }

    static List<GoldDocuments.Document> voa() throws IOException {
        List<GoldDocuments.Document> docs = new ArrayList<>();
        for (String file : VOA) {
            try (InputStream in = PipelineNerEvaluationTest.class.getResourceAsStream(file)) {
                docs.add(GoldDocuments.fromNameSamples(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()));
            }
        }
        return docs;
    }

    static List<GoldDocuments.Document> resource(String name) throws IOException {
        try (InputStream in = PipelineNerEvaluationTest.class.getResourceAsStream(name)) {
            return in == null ? List.of() : GoldDocuments.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
