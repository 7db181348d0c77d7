package io.newswatch.articles.extract;

/**
 * Thrown on the extracting thread once it has been interrupted. A caller that gives up on a slow
 * extraction interrupts its thread; without checks at the parser's reads and in the loops over the
 * page, the thread would run on for as long as the page takes, and a folder of such pages would keep
 * every core busy with work nobody waits for.
 */
public final class ExtractionCancelledException extends RuntimeException {

    ExtractionCancelledException() {
        super("extraction cancelled: its thread was interrupted");
    }

    /** Throws when the current thread has been interrupted; leaves the interrupt status set for the caller. */
    static void checkInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new ExtractionCancelledException();
        }
    }
}
