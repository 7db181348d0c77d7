package io.newswatch.enrich.topic;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.newswatch.schemas.Topic;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;

/**
 * Topics from a trained OpenNLP {@link DoccatModel} (see {@code newswatch train-topics}). Labels
 * come from the taxonomy when it knows the code.
 */
public final class DoccatTopicClassifier implements TopicClassifier {

    private final DoccatModel model;
    private final Map<String, String> labels;
    private final double threshold;
    private final int topK;
    private final ThreadLocal<DocumentCategorizerME> categorizer;

    public DoccatTopicClassifier(DoccatModel model, Map<String, String> labels, double threshold, int topK) {
        this.model = model;
        this.labels = labels;
        this.threshold = threshold;
        this.topK = topK;
        this.categorizer = ThreadLocal.withInitial(() -> new DocumentCategorizerME(this.model));
    }

    public static DoccatTopicClassifier load(Path modelFile, Map<String, String> labels, double threshold, int topK)
            throws IOException {
        try (InputStream in = Files.newInputStream(modelFile)) {
            return new DoccatTopicClassifier(new DoccatModel(in), labels, threshold, topK);
        }
    }

    @Override
    public List<Topic> classify(String title, String text) {
        String[] tokens = TopicTrainer.tokens(title, text);
        DocumentCategorizerME me = categorizer.get();
        double[] probabilities = me.categorize(tokens);
        List<Topic> topics = new ArrayList<>();
        for (int i = 0; i < probabilities.length; i++) {
            if (probabilities[i] >= threshold) {
                String code = me.getCategory(i);
                topics.add(new Topic(code, labels.getOrDefault(code, code), Math.round(probabilities[i] * 1000) / 1000.0));
            }
        }
        topics.sort(Comparator.comparingDouble(Topic::getScore).reversed());
        return topics.size() > topK ? List.copyOf(topics.subList(0, topK)) : topics;
    }
}
