package io.newswatch.ingest.feed;

/**
 * The outcome of one poll of one feed.
 *
 * @param status     what happened
 * @param newItems   items not seen before in this feed
 * @param published  articles published
 * @param duplicates articles that had been published before (e.g. through another feed)
 * @param error      why the poll failed (null unless {@code status} is {@code FAILED}); a short reason and a message
 */
public record PollResult(Status status, int newItems, int published, int duplicates, String error) {

    public enum Status { NOT_MODIFIED, UPDATED, FAILED }

    static PollResult notModified() {
        return new PollResult(Status.NOT_MODIFIED, 0, 0, 0, null);
    }

    static PollResult failed(String error) {
        return new PollResult(Status.FAILED, 0, 0, 0, error);
    }
}
