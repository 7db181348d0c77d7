package io.newswatch.articles.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.newswatch.testkit.HostileInputs;

/** An extraction whose thread is interrupted stops, in the parser or in the loops over the page. */
class PageExtractionCancellationTest {

    /** Without the nesting cut this page keeps one core busy for tens of seconds. */
    private static final String SLOW_PAGE = HostileInputs.nestedPage(100_000);

    @Test
    void anInterruptedExtractionStopsWithinASecondInsteadOfRunningToTheEnd() throws Exception {
        PageExtractor uncut = new PageExtractor(Integer.MAX_VALUE);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        CompletableFuture<Void> started = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            started.complete(null);
            try {
                uncut.extract(SLOW_PAGE, null);
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "slow-extraction");
        worker.start();
        started.get(5, TimeUnit.SECONDS);
        Thread.sleep(300);
        assertThat(worker.isAlive()).as("the page takes longer than 300 ms").isTrue();

        long interruptedAt = System.nanoTime();
        worker.interrupt();
        worker.join(5_000);
        long stoppedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - interruptedAt);

        assertThat(worker.isAlive()).as("still extracting 5 s after the interrupt").isFalse();
        assertThat(thrown.get()).isInstanceOf(ExtractionCancelledException.class);
        System.out.println("extraction stopped " + stoppedMs + " ms after its interrupt");
    }

    @Test
    void aThreadInterruptedBeforeItStartsDoesNotExtract() {
        Thread.currentThread().interrupt();
        try {
            Throwable t = org.assertj.core.api.Assertions.catchThrowable(
                    () -> new PageExtractor().extract("<html><body><p>A short page with one paragraph of text in it.</p></body></html>", null));
            assertThat(t).isInstanceOf(ExtractionCancelledException.class);
            assertThat(Thread.currentThread().isInterrupted()).as("the interrupt status is left for the caller").isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
