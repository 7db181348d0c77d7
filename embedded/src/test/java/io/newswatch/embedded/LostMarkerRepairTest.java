package io.newswatch.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import io.newswatch.embedded.LostMarkerRepair.CoordinatorView;
import io.newswatch.embedded.LostMarkerRepair.OpenTransaction;

/** When a transaction a partition holds open counts as ended by its coordinator. */
class LostMarkerRepairTest {

    private static final TopicPartition OFFSETS = new TopicPartition("__consumer_offsets", 0);
    private static final long NOW = 1_800_000_000_000L;
    /** Open since offset 239 at producer epoch 93, written a few seconds ago. */
    private static final OpenTransaction OPEN = new OpenTransaction(OFFSETS, 1, (short) 93, 10, 239, NOW - 5_000);

    @Test
    void aTransactionItsCoordinatorEndedAtALaterEpochIsLost() {
        // What a stalled up showed after a kill -9: the coordinator had aborted epoch 93 and re-initialised at 95.
        assertThat(LostMarkerRepair.isLost(OPEN, view(TransactionState.EMPTY, 95, Set.of()), NOW)).isTrue();
        assertThat(LostMarkerRepair.isLost(OPEN, view(TransactionState.COMPLETE_ABORT, 94, Set.of()), NOW)).isTrue();
        assertThat(LostMarkerRepair.isLost(OPEN, view(TransactionState.COMPLETE_COMMIT, 94, Set.of()), NOW)).isTrue();
        assertThat(LostMarkerRepair.isLost(OPEN, view(TransactionState.COMPLETE_COMMIT, 93, Set.of()), NOW)).isTrue();
    }

    @Test
    void aLaterTransactionInProgressOrOneWithoutThisPartitionMeansThisOneEnded() {
        assertThat(LostMarkerRepair.isLost(OPEN, view(TransactionState.ONGOING, 96, Set.of(OFFSETS)), NOW)).isTrue();
        assertThat(LostMarkerRepair.isLost(OPEN, view(TransactionState.ONGOING, 93,
                Set.of(new TopicPartition("news.alerts", 0))), NOW)).isTrue();
    }

    @Test
    void theTransactionInProgressOnThisPartitionAndMarkersBeingWrittenAreLeftAlone() {
        assertThat(LostMarkerRepair.isLost(OPEN, view(TransactionState.ONGOING, 93, Set.of(OFFSETS)), NOW)).isFalse();
        assertThat(LostMarkerRepair.isLost(OPEN, view(TransactionState.PREPARE_COMMIT, 94, Set.of(OFFSETS)), NOW)).isFalse();
        assertThat(LostMarkerRepair.isLost(OPEN, view(TransactionState.PREPARE_ABORT, 94, Set.of(OFFSETS)), NOW)).isFalse();
        assertThat(LostMarkerRepair.isLost(OPEN, view(TransactionState.PREPARE_EPOCH_FENCE, 94, Set.of()), NOW)).isFalse();
        // A coordinator that reports an older epoch than the partition's has not caught up: not evidence of an end.
        assertThat(LostMarkerRepair.isLost(OPEN, view(TransactionState.EMPTY, 92, Set.of()), NOW)).isFalse();
    }

    @Test
    void aProducerItsCoordinatorDoesNotKnowIsLostOnlyWhenItsTransactionIsOld() {
        assertThat(LostMarkerRepair.isLost(OPEN, null, NOW)).isFalse();
        OpenTransaction old = new OpenTransaction(OFFSETS, 1, (short) 93, 10, 239,
                NOW - LostMarkerRepair.UNKNOWN_AGE.toMillis() - 1);
        assertThat(LostMarkerRepair.isLost(old, null, NOW)).isTrue();
    }

    private static CoordinatorView view(TransactionState state, int epoch, Set<TopicPartition> partitions) {
        return new CoordinatorView("newswatch-alerts-1", state, epoch, partitions);
    }
}
