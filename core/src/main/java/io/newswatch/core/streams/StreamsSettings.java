package io.newswatch.core.streams;

import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.streams.StreamsConfig;

import io.newswatch.core.config.KafkaConnection;

/**
 * The Streams configuration every Newswatch service shares: exactly-once processing, and poison
 * records (undeserializable, or failing in a processor) sent to the dead-letter topic by Kafka
 * Streams' own handlers, which put the reason, exception class and source topic, partition and
 * offset into the record headers ({@code __streams.errors.*}) and carry on with the next record;
 * each such record is counted in {@code newswatch.records.dead.lettered}.
 */
public final class StreamsSettings {

    private StreamsSettings() {
    }

    public static Properties forApplication(String applicationId, KafkaConnection connection, String deadLetterTopic,
            Path stateDir, int threads) {
        Properties props = new Properties();
        props.putAll(connection.clientConfig());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.putIfAbsent(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, deadLetterTopic);
        props.putIfAbsent(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                CountingDeserializationExceptionHandler.class.getName());
        props.putIfAbsent(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                CountingProcessingExceptionHandler.class.getName());
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        // Internal topics follow the broker's default replication, like the topics we create.
        props.putIfAbsent(StreamsConfig.REPLICATION_FACTOR_CONFIG, -1);
        return props;
    }
}
