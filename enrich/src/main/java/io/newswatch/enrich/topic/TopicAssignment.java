package io.newswatch.enrich.topic;

import java.util.List;

import io.newswatch.schemas.Topic;

/**
 * The topics of one article, with processing flags and the article's sentence embedding (null
 * when none was computed), kept for later steps so that it is computed once.
 *
 * @param embedNanos CPU time of the calling thread spent computing the embedding
 */
public record TopicAssignment(List<Topic> topics, List<String> flags, float[] embedding, long embedNanos) {

    /** The article's language is not one the embedding model covers: topics come from the cues alone. */
    public static final String FLAG_TOPICS_FROM_CUES = "TOPICS_FROM_CUES";

    /** No topic reached the threshold: the best one is given anyway, with its (low) score. */
    public static final String FLAG_TOPIC_BELOW_THRESHOLD = "TOPIC_BELOW_THRESHOLD";

    public static TopicAssignment none(List<String> flags) {
        return new TopicAssignment(List.of(), flags, null, 0);
    }
}
