package io.newswatch.enrich.topic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.newswatch.enrich.embed.EmbeddingCache;
import io.newswatch.enrich.embed.OnnxSentenceEmbedder;

/** Builds the chosen {@link TopicClassifier}; the semantic one is built once per taxonomy and shared. */
public final class TopicClassifiers {

    private static final Map<Taxonomy, SemanticTopicClassifier> SEMANTIC = new ConcurrentHashMap<>();

    private TopicClassifiers() {
    }

    /**
     * {@code cache}: where the semantic classifier keeps its exemplars' embeddings between starts.
     *
     * @throws IllegalArgumentException when a model file does not exist
     * @throws io.newswatch.enrich.embed.EmbeddingModelUnavailableException when the embedding model cannot load
     */
    public static TopicClassifier create(Taxonomy taxonomy, TopicClassifierChoice choice, EmbeddingCache cache) {
        if (choice instanceof TopicClassifierChoice.Model model) {
            if (!Files.isRegularFile(model.file())) {
                throw new IllegalArgumentException("topic model " + model.file() + " does not exist");
            }
            try {
                return DoccatTopicClassifier.load(model.file(), taxonomy.labels(), taxonomy.threshold(), taxonomy.topK());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read topic model " + model.file() + ": " + e.getMessage(), e);
            }
        }
        if (choice instanceof TopicClassifierChoice.Cues) {
            return new CueTopicClassifier(taxonomy);
        }
        return semantic(taxonomy, cache);
    }

    /** The semantic classifier with the bundled embedding model, shared per taxonomy. */
    public static SemanticTopicClassifier semantic(Taxonomy taxonomy) {
        return semantic(taxonomy, EmbeddingCache.none());
    }

    /** As {@link #semantic(Taxonomy)}; the first build for a taxonomy reads and fills {@code cache}. */
    public static SemanticTopicClassifier semantic(Taxonomy taxonomy, EmbeddingCache cache) {
        return SEMANTIC.computeIfAbsent(taxonomy, t -> new SemanticTopicClassifier(t,
                OnnxSentenceEmbedder.shared(OnnxSentenceEmbedder.MINILM_L6_V2_Q), cache));
    }
}
