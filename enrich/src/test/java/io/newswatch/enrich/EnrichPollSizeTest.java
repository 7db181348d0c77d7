package io.newswatch.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class EnrichPollSizeTest {

    private static Properties base() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "enrich");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
        return props;
    }

    private static Object mainConsumer(Properties props) {
        return new StreamsConfig(props).getMainConsumerConfigs("enrich", "client", 0)
                .get(ConsumerConfig.MAX_POLL_RECORDS_CONFIG);
    }

    private static Object restoreConsumer(Properties props) {
        return new StreamsConfig(props).getRestoreConsumerConfigs("client")
                .get(ConsumerConfig.MAX_POLL_RECORDS_CONFIG);
    }

    @Test
    void mainConsumerPollsFewRecordsWhileRestorationKeepsLargeBatches() {
        Properties props = EnrichCommand.withSmallPolls(base());
        assertEquals(String.valueOf(EnrichCommand.MAX_POLL_RECORDS), String.valueOf(mainConsumer(props)));
        assertEquals(String.valueOf(restoreConsumer(base())), String.valueOf(restoreConsumer(props)));
    }

    @Test
    void aConfiguredPollSizeIsKept() {
        for (String key : new String[] {ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG),
                StreamsConfig.mainConsumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG)}) {
            Properties props = base();
            props.put(key, "500");
            assertEquals("500", String.valueOf(mainConsumer(EnrichCommand.withSmallPolls(props))), key);
        }
    }
}
