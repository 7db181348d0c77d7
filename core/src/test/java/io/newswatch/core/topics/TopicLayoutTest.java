package io.newswatch.core.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicLayoutTest {

    @Test
    void minusOneMeansBrokerDefault() {
        assertThat(new TopicLayout(3, (short) -1).replicationFactor()).isEmpty();
        assertThat(new TopicLayout(3, (short) 3).replicationFactor()).contains((short) 3);
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new TopicLayout(0, (short) 1)).hasMessageContaining("partitions");
        assertThatThrownBy(() -> new TopicLayout(1, (short) 0)).hasMessageContaining("replication");
    }
}
