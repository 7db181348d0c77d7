package io.newswatch.enrich.topic;

import java.util.List;

import io.newswatch.schemas.Topic;

/** Assigns topics with scores (0..1, best first) to an article. Implementations are thread-safe. */
public interface TopicClassifier {

    List<Topic> classify(String title, String text);
}
