package io.newswatch.enrich.topic;

import java.nio.file.Path;
import java.util.Locale;

/** Which topic classifier to use: {@code semantic} (the default), {@code cues}, or a trained model file. */
public sealed interface TopicClassifierChoice {

    /** Sentence embeddings against the taxonomy's exemplars, fused with its cues. */
    record Semantic() implements TopicClassifierChoice {
        @Override
        public String toString() {
            return "semantic";
        }
    }

    /** The taxonomy's cue words alone. */
    record Cues() implements TopicClassifierChoice {
        @Override
        public String toString() {
            return "cues";
        }
    }

    /** A model trained with {@code newswatch train-topics}. */
    record Model(Path file) implements TopicClassifierChoice {
        @Override
        public String toString() {
            return file.toString();
        }
    }

    TopicClassifierChoice SEMANTIC = new Semantic();
    TopicClassifierChoice CUES = new Cues();

    /** {@code semantic}, {@code cues}, or the path of a model file (null or blank: semantic). */
    static TopicClassifierChoice parse(String value) {
        if (value == null || value.isBlank()) {
            return SEMANTIC;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "semantic" -> SEMANTIC;
            case "cues" -> CUES;
            default -> new Model(Path.of(value.strip()));
        };
    }
}
