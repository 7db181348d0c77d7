package io.newswatch.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class FeedSchedulerTest {

    private final FeedSource feed = new FeedSource(URI.create("https://a.example/rss"), "a", Duration.ofMinutes(10), List.of(),
            null, true, true);

    @Test
    void successWaitsTheIntervalPlusUpToTenPercentJitter() {
        for (int i = 0; i < 50; i++) {
            assertThat(FeedScheduler.nextDelay(feed, new PollResult(PollResult.Status.UPDATED, 1, 1, 0, null), 0))
                    .isBetween(Duration.ofMinutes(10), Duration.ofMinutes(11));
        }
    }

    @Test
    void failuresBackOffExponentiallyUpToSixHours() {
        PollResult failed = PollResult.failed("timeout: slow");
        assertThat(FeedScheduler.nextDelay(feed, failed, 1)).isBetween(Duration.ofMinutes(20), Duration.ofMinutes(21));
        assertThat(FeedScheduler.nextDelay(feed, failed, 3)).isBetween(Duration.ofMinutes(80), Duration.ofMinutes(81));
        assertThat(FeedScheduler.nextDelay(feed, failed, 30)).isBetween(Duration.ofHours(6), Duration.ofHours(6).plusMinutes(1));
    }
}
