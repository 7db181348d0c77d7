package io.newswatch.enrich.topic;

import java.util.List;

import io.newswatch.schemas.Topic;

/** Assigns topics with scores (0..1, best first) to an article. Implementations are thread-safe. */
public interface TopicClassifier {

    List<Topic> classify(String title, String text);

    /**
     * The topics of an article in {@code language} (ISO 639-3, or {@code und}), with notes about
     * how they were found and the article's embedding when one was computed.
     */
    default TopicAssignment assign(String title, String text, String language) {
        return new TopicAssignment(classify(title, text), List.of(), null, 0);
    }
}
