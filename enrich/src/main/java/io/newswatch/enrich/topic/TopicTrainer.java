package io.newswatch.enrich.topic;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.InvalidFormatException;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains a topic model from labelled JSON lines: {@code {"title": "...", "text": "...", "topic":
 * "sport"}} (or {@code "topics": ["sport", ...]}, whose first entry is used).
 */
public final class TopicTrainer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TopicTrainer() {
    }

    public record Example(String title, String text, String topic) {
    }

    public static List<Example> read(Path jsonl) throws IOException {
        List<Example> examples = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String where = jsonl + ":" + number;
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (IOException e) {
                    throw new InvalidFormatException(where + ": invalid JSON: " + e.getMessage());
                }
                String topic = node.path("topic").asText(null);
                if (topic == null && node.path("topics").isArray() && node.path("topics").size() > 0) {
                    topic = node.path("topics").get(0).asText();
                }
                String text = node.path("text").asText("");
                if (topic == null || topic.isBlank()) {
                    throw new InvalidFormatException(where + ": field 'topic' (or 'topics') is required");
                }
                if (text.isBlank()) {
                    throw new InvalidFormatException(where + ": field 'text' is required");
                }
                examples.add(new Example(node.path("title").asText(""), text, topic.strip()));
            }
        }
        return examples;
    }

    public static DoccatModel train(List<Example> examples, int iterations, int cutoff) throws IOException {
        List<DocumentSample> samples = new ArrayList<>();
        for (Example e : examples) {
            samples.add(new DocumentSample(e.topic(), tokens(e.title(), e.text())));
        }
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.ITERATIONS_PARAM, iterations);
        params.put(TrainingParameters.CUTOFF_PARAM, cutoff);
        DoccatFactory factory = new DoccatFactory(new FeatureGenerator[] {
                new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator(2, 2)});
        return DocumentCategorizerME.train("und", new CollectionObjectStream<>(samples), params, factory);
    }

    /** Lower-case words of title and text; the title is repeated to weigh it more. */
    static String[] tokens(String title, String text) {
        List<String> words = new ArrayList<>(CueTopicClassifier.words(title));
        words.addAll(CueTopicClassifier.words(title));
        words.addAll(CueTopicClassifier.words(text));
        return words.toArray(new String[0]);
    }
}
