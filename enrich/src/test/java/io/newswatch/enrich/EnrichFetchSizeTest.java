package io.newswatch.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnrichFetchSizeTest {

    private static Properties base() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "enrich");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
        return props;
    }

    private static Map<String, Object> mainConsumer(Properties props) {
        return new StreamsConfig(props).getMainConsumerConfigs("enrich", "client", 0);
    }

    private static Map<String, Object> restoreConsumer(Properties props) {
        return new StreamsConfig(props).getRestoreConsumerConfigs("client");
    }

    private static Map<String, Integer> expected() {
        return Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, EnrichCommand.MAX_POLL_RECORDS,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, EnrichCommand.MAX_PARTITION_FETCH_BYTES);
    }

    @ParameterizedTest
    @ValueSource(strings = {ConsumerConfig.MAX_POLL_RECORDS_CONFIG, ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG})
    void mainConsumerFetchesLittleWhileRestorationKeepsLargeBatches(String key) {
        Properties props = EnrichCommand.withSmallFetches(base());
        assertEquals(String.valueOf(expected().get(key)), String.valueOf(mainConsumer(props).get(key)));
        assertEquals(String.valueOf(restoreConsumer(base()).get(key)), String.valueOf(restoreConsumer(props).get(key)));
    }

    @ParameterizedTest
    @ValueSource(strings = {ConsumerConfig.MAX_POLL_RECORDS_CONFIG, ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG})
    void aConfiguredValueIsKept(String key) {
        for (String name : new String[] {key, StreamsConfig.consumerPrefix(key), StreamsConfig.mainConsumerPrefix(key)}) {
            Properties props = base();
            props.put(name, "5000");
            assertEquals("5000", String.valueOf(mainConsumer(EnrichCommand.withSmallFetches(props)).get(key)), name);
        }
    }
}
