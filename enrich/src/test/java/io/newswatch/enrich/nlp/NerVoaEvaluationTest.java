package io.newswatch.enrich.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.newswatch.enrich.compat.CompatibleNameFinderModels;
import io.newswatch.enrich.entity.FoundMention;
import io.newswatch.enrich.entity.MentionCleaner;
import io.newswatch.schemas.EntityType;
import io.newswatch.schemas.Field;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;

/**
 * NER quality on the VOA sentences shipped in the opennlp-tools test jar (43 sentences, person /
 * location / organization; dates are not a CoNLL type and are ignored). Prints precision, recall
 * and F1 per type: exact spans, on the corpus' own tokens, for the model alone and after the
 * mention cleaning the enricher applies. The accurate model is evaluated with
 * {@code -Dnewswatch.eval.accurate=true} (it needs about 1 GB of heap).
 */
class NerVoaEvaluationTest {

    private static final String[] FILES = {"/opennlp/tools/namefind/voa1.train", "/opennlp/tools/namefind/voa2.train"};

    @Test
    void fastModel() throws Exception {
        Map<String, double[]> f1 = evaluate(NerModelChoice.FAST);
        // A floor far below the measured values: catches a broken model loader, not small changes.
        assertThat(f1.get("ALL")[2]).isGreaterThan(0.6);
    }

    @Test
    void accurateModel() throws Exception {
        if (!Boolean.getBoolean("newswatch.eval.accurate")) {
            return;
        }
        Map<String, double[]> f1 = evaluate(NerModelChoice.ACCURATE);
        assertThat(f1.get("ALL")[2]).isGreaterThan(0.6);
    }

    static Map<String, double[]> evaluate(NerModelChoice choice) throws Exception {
        TokenNameFinderModel model;
        try (InputStream in = choice.open()) {
            model = CompatibleNameFinderModels.load(in);
        }
        NameFinderME finder = new NameFinderME(model);
        Map<String, int[]> raw = new LinkedHashMap<>();
        Map<String, int[]> cleaned = new LinkedHashMap<>();
        int sentences = 0;
        for (String file : FILES) {
            String content;
            try (InputStream in = NerVoaEvaluationTest.class.getResourceAsStream(file)) {
                content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            for (String line : content.split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                sentences++;
                NameSample sample = NameSample.parse(line, false);
                String[] tokens = sample.getSentence();
                Set<String> gold = new HashSet<>();
                for (Span s : sample.getNames()) {
                    String type = type(s.getType());
                    if (type != null) {
                        gold.add(type + ":" + s.getStart() + "-" + s.getEnd());
                    }
                }
                Set<String> predicted = new HashSet<>();
                Set<String> predictedCleaned = new HashSet<>();
                for (Span s : finder.find(tokens)) {
                    String type = type(s.getType());
                    if (type == null) {
                        continue;
                    }
                    predicted.add(type + ":" + s.getStart() + "-" + s.getEnd());
                    predictedCleaned.add(type + ":" + cleanedSpan(tokens, s, type));
                }
                count(gold, predicted, raw);
                count(gold, predictedCleaned, cleaned);
            }
            finder.clearAdaptiveData();
        }
        System.out.printf(Locale.ROOT, "NER on VOA (%d sentences), model %s%n", sentences, choice);
        print("model", raw);
        return print("model + mention cleaning", cleaned);
    }

    /** Token span after the enricher's cleaning (title words dropped from person names). */
    private static String cleanedSpan(String[] tokens, Span s, String type) {
        StringBuilder text = new StringBuilder();
        List<Integer> starts = new ArrayList<>();
        for (int i = s.getStart(); i < s.getEnd(); i++) {
            if (text.length() > 0) {
                text.append(' ');
            }
            starts.add(text.length());
            text.append(tokens[i]);
        }
        EntityType entityType = type.equals("PERSON") ? EntityType.PERSON
                : type.equals("LOCATION") ? EntityType.LOCATION : EntityType.ORGANIZATION;
        FoundMention m = MentionCleaner.clean(new FoundMention(entityType, Field.TEXT, 0, text.length(), text.toString(),
                false, Set.of()));
        int first = s.getStart();
        for (int i = 0; i < starts.size(); i++) {
            if (starts.get(i) <= m.start()) {
                first = s.getStart() + i;
            }
        }
        return first + "-" + s.getEnd();
    }

    private static String type(String t) {
        String x = t.toLowerCase(Locale.ROOT);
        if (x.startsWith("per")) {
            return "PERSON";
        }
        if (x.startsWith("loc")) {
            return "LOCATION";
        }
        if (x.startsWith("org")) {
            return "ORGANIZATION";
        }
        return null; // dates in the gold data, MISC in the model: not compared
    }

    private static void count(Set<String> gold, Set<String> predicted, Map<String, int[]> counts) {
        for (String p : predicted) {
            String type = p.substring(0, p.indexOf(':'));
            int[] c = counts.computeIfAbsent(type, k -> new int[3]);
            if (gold.contains(p)) {
                c[0]++;
            } else {
                c[1]++;
            }
        }
        for (String g : gold) {
            if (!predicted.contains(g)) {
                counts.computeIfAbsent(g.substring(0, g.indexOf(':')), k -> new int[3])[2]++;
            }
        }
    }

    private static Map<String, double[]> print(String label, Map<String, int[]> counts) {
        Map<String, double[]> result = new LinkedHashMap<>();
        int[] all = new int[3];
        System.out.println("  " + label + ":");
        for (String type : List.of("PERSON", "LOCATION", "ORGANIZATION")) {
            int[] c = counts.getOrDefault(type, new int[3]);
            for (int i = 0; i < 3; i++) {
                all[i] += c[i];
            }
            result.put(type, line(type, c));
        }
        result.put("ALL", line("ALL", all));
        return result;
    }

    private static double[] line(String type, int[] c) {
        double p = c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
        double r = c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
        double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
        System.out.printf(Locale.ROOT, "    %-13s P %.3f  R %.3f  F1 %.3f  (tp %d, fp %d, fn %d)%n", type, p, r, f, c[0], c[1], c[2]);
        return new double[] {p, r, f};
    }
}
