package io.newswatch.embedded;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AbortTransactionSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeProducersOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.DescribeTransactionsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends transactions that the embedded broker's coordinator has finished but whose end marker never
 * reached one of their partitions.
 *
 * <p>Seen after a kill -9 of {@code up}: on the restart the broker is briefly fenced by its own
 * previous registration and its partitions move to followers and back while the transaction
 * coordinator aborts the killed producers' transactions. Once, the abort marker for
 * {@code __consumer_offsets} was lost: the coordinator reported the transaction ended, the partition
 * kept it open, and the group's offsets stayed "unstable" for good, so the alerts application could
 * not read its committed position and made no progress. This is what {@code kafka-transactions.sh
 * find-hanging} and {@code abort} are for; on a broker the user does not operate, the embedded
 * platform does it itself.
 *
 * <p>A partition's open transaction is aborted only when the coordinator is done with that
 * producer's transaction (empty or complete, or a later transaction at a later epoch) on two checks
 * in a row, so that a marker that is merely on its way is never pre-empted; a transaction the
 * coordinator does not know at all is aborted once it is older than {@link #UNKNOWN_AGE}.
 */
final class LostMarkerRepair implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LostMarkerRepair.class);
    /** How old a partition's open transaction must be before an unknown producer's is taken as lost. */
    static final Duration UNKNOWN_AGE = Duration.ofMinutes(2);
    private static final int CALL_TIMEOUT_MS = 5_000;

    /** A transaction open on a partition, as the partition leader sees it; equal on two checks when nothing moved. */
    record OpenTransaction(TopicPartition partition, long producerId, short producerEpoch, int coordinatorEpoch,
            long startOffset, long lastTimestamp) {
    }

    /** What the transaction coordinator says of a producer. */
    record CoordinatorView(String transactionalId, TransactionState state, int producerEpoch, Set<TopicPartition> partitions) {
    }

    private final Admin admin;
    private final ScheduledExecutorService timer;
    private Set<OpenTransaction> suspectedLastTime = Set.of();

    private LostMarkerRepair(Admin admin, ScheduledExecutorService timer) {
        this.admin = admin;
        this.timer = timer;
    }

    /** Checks the broker at {@code bootstrapServers} every {@code period}. */
    static LostMarkerRepair start(String bootstrapServers, Duration period) {
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "newswatch-embedded-transaction-repair",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, CALL_TIMEOUT_MS,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, CALL_TIMEOUT_MS));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "embedded-transaction-repair");
            t.setDaemon(true);
            return t;
        });
        LostMarkerRepair repair = new LostMarkerRepair(admin, timer);
        timer.scheduleWithFixedDelay(repair::checkQuietly, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return repair;
    }

    private void checkQuietly() {
        try {
            checkOnce(System.currentTimeMillis());
        } catch (Exception e) {
            // The broker may be restarting; the next check tries again.
            log.debug("transaction check failed: {}", e.toString());
        }
    }

    /** One check; returns the transactions it aborted. */
    synchronized List<OpenTransaction> checkOnce(long nowMs) throws Exception {
        List<OpenTransaction> open = openTransactions();
        if (open.isEmpty()) {
            suspectedLastTime = Set.of();
            return List.of();
        }
        Map<Long, CoordinatorView> coordinator = coordinatorViews(open);
        List<OpenTransaction> lost = new ArrayList<>();
        Set<OpenTransaction> suspected = new HashSet<>();
        for (OpenTransaction t : open) {
            if (isLost(t, coordinator.get(t.producerId()), nowMs)) {
                suspected.add(t);
                if (suspectedLastTime.contains(t)) {
                    lost.add(t);
                }
            }
        }
        suspectedLastTime = suspected;
        for (OpenTransaction t : lost) {
            CoordinatorView view = coordinator.get(t.producerId());
            admin.abortTransaction(new AbortTransactionSpec(t.partition(), t.producerId(), t.producerEpoch(),
                    t.coordinatorEpoch())).all().get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            log.warn("Aborted a transaction left open on {} from offset {} by producer {} (epoch {}): {}; "
                    + "its end marker never reached the partition", t.partition(), t.startOffset(), t.producerId(),
                    t.producerEpoch(), view == null ? "its coordinator does not know the producer"
                            : "its coordinator has " + view.transactionalId() + " " + view.state() + " at epoch " + view.producerEpoch());
        }
        return lost;
    }

    /**
     * Whether the coordinator is done with the transaction {@code t} that a partition still holds
     * open: no transaction of the producer at that epoch, on that partition, is in progress.
     */
    static boolean isLost(OpenTransaction t, CoordinatorView view, long nowMs) {
        if (view == null) {
            return nowMs - t.lastTimestamp() > UNKNOWN_AGE.toMillis();
        }
        return switch (view.state()) {
            case EMPTY, COMPLETE_COMMIT, COMPLETE_ABORT -> view.producerEpoch() >= t.producerEpoch();
            case ONGOING -> view.producerEpoch() > t.producerEpoch() || !view.partitions().contains(t.partition());
            // Markers being written, or a state this check does not know: the coordinator is still at work.
            default -> false;
        };
    }

    private List<OpenTransaction> openTransactions() throws Exception {
        Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true).timeoutMs(CALL_TIMEOUT_MS))
                .names().get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        List<TopicPartition> partitions = new ArrayList<>();
        admin.describeTopics(topics, new DescribeTopicsOptions().timeoutMs(CALL_TIMEOUT_MS)).allTopicNames()
                .get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .forEach((name, d) -> d.partitions().forEach(p -> partitions.add(new TopicPartition(name, p.partition()))));
        List<OpenTransaction> open = new ArrayList<>();
        admin.describeProducers(partitions, new DescribeProducersOptions().timeoutMs(CALL_TIMEOUT_MS)).all()
                .get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS).forEach((tp, d) -> {
                    for (ProducerState p : d.activeProducers()) {
                        if (p.currentTransactionStartOffset().isPresent()) {
                            open.add(new OpenTransaction(tp, p.producerId(), (short) p.producerEpoch(),
                                    p.coordinatorEpoch().orElse(-1), p.currentTransactionStartOffset().getAsLong(),
                                    p.lastTimestamp()));
                        }
                    }
                });
        return open;
    }

    private Map<Long, CoordinatorView> coordinatorViews(Collection<OpenTransaction> open) throws Exception {
        Set<Long> producers = new HashSet<>();
        open.forEach(t -> producers.add(t.producerId()));
        Collection<TransactionListing> listings = admin.listTransactions(new ListTransactionsOptions()
                .filterProducerIds(producers).timeoutMs(CALL_TIMEOUT_MS)).all().get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        Map<Long, CoordinatorView> views = new HashMap<>();
        if (listings.isEmpty()) {
            return views;
        }
        Map<String, TransactionDescription> described = admin.describeTransactions(
                listings.stream().map(TransactionListing::transactionalId).toList(),
                new DescribeTransactionsOptions().timeoutMs(CALL_TIMEOUT_MS)).all().get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        described.forEach((id, d) -> views.put(d.producerId(),
                new CoordinatorView(id, d.state(), d.producerEpoch(), Set.copyOf(d.topicPartitions()))));
        return views;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        admin.close(Duration.ofSeconds(2));
    }
}
