package io.newswatch.enrich.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.newswatch.schemas.Topic;

/**
 * The bundled taxonomy (cues, and the semantic classifier) on hand-written labelled articles (3–4 short articles per IPTC top-level
 * topic, written for this evaluation, one label each). Prints precision@1 (the best topic is the
 * label), recall@3 (the label is among the topics given) and how many articles got no topic.
 */
class TopicEvaluationTest {

    @Test
    void bundledTaxonomyOnLabelledArticles() throws Exception {
        onLabelledArticles("cue", new CueTopicClassifier(Taxonomy.loadDefault()));
    }

    @Test
    void semanticClassifierOnLabelledArticles() throws Exception {
        onLabelledArticles("semantic", TopicClassifiers.semantic(Taxonomy.loadDefault()));
    }

    private static void onLabelledArticles(String name, TopicClassifier classifier) throws Exception {
        List<TopicTrainer.Example> examples = TopicTrainer.read(
                Path.of(TopicEvaluationTest.class.getResource("/topics/labelled.jsonl").toURI()));
        int top1 = 0;
        int in3 = 0;
        int none = 0;
        Map<String, int[]> perTopic = new LinkedHashMap<>();
        List<String> misses = new ArrayList<>();
        for (TopicTrainer.Example e : examples) {
            List<Topic> topics = classifier.classify(e.title(), e.text());
            int[] c = perTopic.computeIfAbsent(e.topic(), k -> new int[2]);
            c[1]++;
            if (topics.isEmpty()) {
                none++;
                misses.add(e.topic() + " <- (none): " + e.title());
                continue;
            }
            if (topics.get(0).getCode().equals(e.topic())) {
                top1++;
                c[0]++;
            } else {
                misses.add(e.topic() + " <- " + topics.get(0).getCode() + ": " + e.title());
            }
            if (topics.stream().anyMatch(t -> t.getCode().equals(e.topic()))) {
                in3++;
            }
        }
        int n = examples.size();
        System.out.printf(Locale.ROOT, "%s topics on %d labelled articles: precision@1 %.3f, recall@3 %.3f, no topic %d%n",
                name, n, (double) top1 / n, (double) in3 / n, none);
        perTopic.forEach((t, c) -> System.out.printf(Locale.ROOT, "  %-28s %d/%d%n", t, c[0], c[1]));
        misses.forEach(m -> System.out.println("  miss: " + m));
        assertThat((double) top1 / n).isGreaterThan(0.5);
    }

    @Test
    void bundledTaxonomyOnTheStoryArticles() throws Exception {
        onStoryArticles("cue", new CueTopicClassifier(Taxonomy.loadDefault()));
    }

    @Test
    void semanticClassifierOnTheStoryArticles() throws Exception {
        onStoryArticles("semantic", TopicClassifiers.semantic(Taxonomy.loadDefault()));
    }

    private static void onStoryArticles(String name, TopicClassifier classifier) throws Exception {
        // Written to test story grouping, labelled afterwards with the topics an editor would accept.
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        int right = 0;
        int n = 0;
        for (String line : java.nio.file.Files.readAllLines(
                Path.of(TopicEvaluationTest.class.getResource("/stories/stories.jsonl").toURI()))) {
            var node = json.readTree(line);
            List<String> acceptable = new ArrayList<>();
            node.get("acceptableTopics").forEach(t -> acceptable.add(t.asText()));
            List<Topic> topics = classifier.classify(node.get("title").asText(), node.get("text").asText());
            n++;
            boolean ok = !topics.isEmpty() && acceptable.contains(topics.get(0).getCode());
            right += ok ? 1 : 0;
            System.out.println("  " + (ok ? "ok  " : "miss") + " " + node.get("id").asText() + " " + topics.stream()
                    .map(t -> t.getCode() + "=" + t.getScore()).toList() + " accepted " + acceptable);
        }
        System.out.printf(Locale.ROOT, "%s topics on %d story articles: precision@1 %.3f%n", name, n, (double) right / n);
        assertThat(right).isGreaterThan(n / 2);
    }

    @Test
    void aTrainedModelClassifiesItsOwnTrainingTopics() throws Exception {
        List<TopicTrainer.Example> examples = TopicTrainer.read(
                Path.of(TopicEvaluationTest.class.getResource("/topics/labelled.jsonl").toURI()));
        var model = TopicTrainer.train(examples, 100, 1);
        DoccatTopicClassifier classifier = new DoccatTopicClassifier(model, Taxonomy.loadDefault().labels(), 0.0, 3);
        int right = 0;
        for (TopicTrainer.Example e : examples) {
            List<Topic> topics = classifier.classify(e.title(), e.text());
            if (!topics.isEmpty() && topics.get(0).getCode().equals(e.topic())) {
                right++;
            }
        }
        assertThat(classifier.classify("Striker scores twice", "The team won the league match.").get(0).getLabel())
                .isNotBlank();
        // Training data fit, not a quality measure: checks the training and loading path.
        assertThat(right).isGreaterThan(examples.size() / 2);
    }
}
