package io.newswatch.core.streams;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.junit.jupiter.api.Test;

class StreamsRunnerTest {

    @Test
    void inputTopicsNameRepartitionTopicsAsKafkaStreamsCreatesThem() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
                .repartition(Repartitioned.with(Serdes.String(), Serdes.String()).withName("by-key"))
                .to("out");

        assertThat(StreamsRunner.inputTopics(builder.build(), "app"))
                .containsExactlyInAnyOrder("in", "app-by-key-repartition");
    }
}
