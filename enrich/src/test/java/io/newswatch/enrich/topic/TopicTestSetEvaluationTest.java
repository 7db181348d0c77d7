package io.newswatch.enrich.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.newswatch.schemas.Topic;

/**
 * The classifiers on the independent test set ({@code topics/topics-test.jsonl}: 528 short wire
 * items over the 17 topics, written by someone who had not seen the exemplars). Prints top-1
 * accuracy (the primary label; and counting the {@code also} labels), per-topic precision and
 * recall, coverage (share of items whose best topic reaches the threshold), accuracy on the four
 * big topics, and how well the scores are calibrated. The floors sit well below the measured
 * figures: they catch regressions, they are not the target.
 */
class TopicTestSetEvaluationTest {

    record Item(String id, String title, String text, String topic, List<String> also) {
        boolean accepts(String code) {
            return topic.equals(code) || also.contains(code);
        }
    }

    /** The figures of one classifier on the set. */
    record Figures(double top1, double top1Also, double coverage, double bigFour, Map<String, Double> bigFourRecall) {
    }

    static final List<String> BIG_FOUR = List.of("politics", "sport", "economy-business-finance", "science-technology");

    static List<Item> items;

    @BeforeAll
    static void read() throws Exception {
        items = read(Path.of(TopicTestSetEvaluationTest.class.getResource("/topics/topics-test.jsonl").toURI()));
    }

    static List<Item> read(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Item> result = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = json.readTree(line);
            List<String> also = new ArrayList<>();
            n.path("also").forEach(a -> also.add(a.asText()));
            result.add(new Item(n.get("id").asText(), n.get("title").asText(), n.get("text").asText(),
                    n.get("topic").asText(), List.copyOf(also)));
        }
        return result;
    }

    @Test
    void semanticClassifierOnTheIndependentSet() {
        Figures f = evaluate("semantic", TopicClassifiers.semantic(Taxonomy.loadDefault()), true);
        assertThat(f.top1()).isGreaterThan(0.60);
        assertThat(f.top1Also()).isGreaterThan(0.65);
        assertThat(f.coverage()).isGreaterThan(0.75);
        assertThat(f.bigFour()).isGreaterThan(0.70);
        f.bigFourRecall().values().forEach(r -> assertThat(r).isGreaterThan(0.55));
    }

    @Test
    void cueClassifierOnTheIndependentSetForComparison() {
        Figures f = evaluate("cues", new CueTopicClassifier(Taxonomy.loadDefault()), false);
        assertThat(f.top1()).isGreaterThan(0.30);
    }

    @Test
    void exemplarsAndTestItemsDoNotOverlap() {
        List<String> exemplars = new ArrayList<>();
        Taxonomy.loadDefault().topics().forEach(t -> exemplars.addAll(t.exemplars()));
        assertThat(exemplars).hasSizeGreaterThan(17 * 25);
        Set<String> testTexts = new HashSet<>();
        List<Set<String>> testWords = new ArrayList<>();
        for (Item i : items) {
            testTexts.add(normalise(i.title()));
            testTexts.add(normalise(i.text()));
            testTexts.add(normalise(i.title() + " " + i.text()));
            testWords.add(words(i.title()));
        }
        List<String> overlapping = new ArrayList<>();
        for (String e : exemplars) {
            String n = normalise(e);
            if (testTexts.contains(n) || testTexts.stream().anyMatch(t -> t.length() > 30 && (t.contains(n) || n.contains(t)))) {
                overlapping.add(e);
            }
            Set<String> w = words(e);
            for (Set<String> t : testWords) {
                if (jaccard(w, t) > 0.5) {
                    overlapping.add(e + " ~ " + t);
                }
            }
        }
        assertThat(overlapping).as("exemplars that repeat or closely paraphrase test items").isEmpty();
    }

    static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    static Set<String> words(String s) {
        return new HashSet<>(Arrays.asList(normalise(s).split(" ")));
    }

    static double jaccard(Set<String> a, Set<String> b) {
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return (double) both.size() / (a.size() + b.size() - both.size());
    }

    static Figures evaluate(String name, TopicClassifier classifier, boolean reliability) {
        double threshold = Taxonomy.loadDefault().threshold();
        Map<String, int[]> perTopic = new TreeMap<>(); // true positives, predicted, actual
        int right = 0;
        int rightAlso = 0;
        int covered = 0;
        int bigRight = 0;
        int bigTotal = 0;
        Map<String, int[]> bigPerTopic = new LinkedHashMap<>();
        int[] bucketItems = new int[10];
        int[] bucketRight = new int[10];
        for (Item i : items) {
            List<Topic> topics = classifier.assign(i.title(), i.text(), "eng").topics();
            String best = topics.isEmpty() ? "(none)" : topics.get(0).getCode();
            double score = topics.isEmpty() ? 0 : topics.get(0).getScore();
            perTopic.computeIfAbsent(i.topic(), k -> new int[3])[2]++;
            perTopic.computeIfAbsent(best, k -> new int[3])[1]++;
            boolean ok = best.equals(i.topic());
            if (ok) {
                right++;
                perTopic.get(best)[0]++;
            }
            rightAlso += i.accepts(best) ? 1 : 0;
            covered += !topics.isEmpty() && score >= threshold ? 1 : 0;
            if (BIG_FOUR.contains(i.topic())) {
                bigTotal++;
                bigRight += ok ? 1 : 0;
                int[] c = bigPerTopic.computeIfAbsent(i.topic(), k -> new int[2]);
                c[0] += ok ? 1 : 0;
                c[1]++;
            }
            if (!topics.isEmpty()) {
                int b = Math.min(9, (int) (score * 10));
                bucketItems[b]++;
                bucketRight[b] += ok ? 1 : 0;
            }
        }
        int n = items.size();
        System.out.printf(Locale.ROOT, "%s topics on %d independent test items: top-1 %.3f, top-1 counting 'also' %.3f, "
                        + "coverage (best >= %.2f) %.3f; the four big topics: top-1 %.3f (%d items)%n",
                name, n, (double) right / n, (double) rightAlso / n, threshold, (double) covered / n,
                (double) bigRight / bigTotal, bigTotal);
        System.out.printf(Locale.ROOT, "  %-28s %9s %7s %7s%n", "topic", "precision", "recall", "items");
        perTopic.forEach((t, c) -> {
            if (c[2] > 0) {
                System.out.printf(Locale.ROOT, "  %-28s %9.3f %7.3f %7d%n", t, c[1] == 0 ? 0.0 : (double) c[0] / c[1],
                        (double) c[0] / c[2], c[2]);
            }
        });
        if (perTopic.containsKey("(none)")) {
            System.out.printf(Locale.ROOT, "  no topic: %d items%n", perTopic.get("(none)")[1]);
        }
        if (reliability) {
            System.out.println("  calibration: best-topic score bucket -> share right (items)");
            for (int b = 0; b < 10; b++) {
                if (bucketItems[b] > 0) {
                    System.out.printf(Locale.ROOT, "    %.1f-%.1f  %.3f (%d)%n", b / 10.0, (b + 1) / 10.0,
                            (double) bucketRight[b] / bucketItems[b], bucketItems[b]);
                }
            }
        }
        Map<String, Double> bigRecall = new LinkedHashMap<>();
        bigPerTopic.forEach((t, c) -> bigRecall.put(t, (double) c[0] / c[1]));
        return new Figures((double) right / n, (double) rightAlso / n, (double) covered / n, (double) bigRight / bigTotal,
                bigRecall);
    }
}
