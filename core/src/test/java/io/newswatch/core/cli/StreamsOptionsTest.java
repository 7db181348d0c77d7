package io.newswatch.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamsOptionsTest {

    @Test
    void instanceIdComesFromTheOptionThenFromHostname() {
        assertThat(StreamsOptions.membership("enrich-a", "pod-1").instanceId()).isEqualTo("enrich-a");
        assertThat(StreamsOptions.membership(null, "newswatch-enrich-5d8f-x2k").instanceId()).isEqualTo("newswatch-enrich-5d8f-x2k");
    }

    @Test
    void noneOrNoHostnameMeansDynamicMembership() {
        assertThat(StreamsOptions.membership("none", "pod-1").isStatic()).isFalse();
        assertThat(StreamsOptions.membership(null, null).isStatic()).isFalse();
        assertThat(StreamsOptions.membership("", "").isStatic()).isFalse();
    }
}
