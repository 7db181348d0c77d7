package io.newswatch.enrich;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.EnumMap;
import java.util.Map;

/**
 * CPU time of the calling thread spent in each step of the enrichment, summed over the articles it
 * was passed with; for the benchmark's breakdown (CPU time, so that other processes on the machine
 * do not blur it). Not thread-safe: one instance per thread.
 */
public final class StageTimes {

    /**
     * The steps, in the order they run ({@code NAMES}: the name finder and the cleaning of its
     * mentions; {@code EMBEDDING}: the sentence embedding of title and lead, part of finding topics).
     */
    public enum Stage {
        LANGUAGE, SENTENCES_TOKENS, NAMES, DICTIONARY, ENTITIES, EMBEDDING, TOPICS, RECORD, STORY
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long[] nanos = new long[Stage.values().length];

    /** Adds the time since {@code since} to {@code stage}; returns now, the start of the next step. */
    public long lap(Stage stage, long since) {
        long now = now();
        nanos[stage.ordinal()] += now - since;
        return now;
    }

    /** Moves {@code nanos} already counted in {@code from} to {@code to} (a step timed inside another). */
    public void move(Stage from, Stage to, long nanos) {
        nanos = Math.min(nanos, this.nanos[from.ordinal()]);
        this.nanos[from.ordinal()] -= nanos;
        this.nanos[to.ordinal()] += nanos;
    }

    public long nanos(Stage stage) {
        return nanos[stage.ordinal()];
    }

    public long totalNanos() {
        long total = 0;
        for (long n : nanos) {
            total += n;
        }
        return total;
    }

    public Map<Stage, Long> asMap() {
        Map<Stage, Long> map = new EnumMap<>(Stage.class);
        for (Stage s : Stage.values()) {
            map.put(s, nanos[s.ordinal()]);
        }
        return map;
    }

    /** {@link #lap} when timing, else nothing. */
    static long lap(StageTimes times, Stage stage, long since) {
        return times == null ? 0 : times.lap(stage, since);
    }

    static long start(StageTimes times) {
        return times == null ? 0 : now();
    }

    /** The current thread's CPU time, nanoseconds. */
    public static long now() {
        return THREADS.getCurrentThreadCpuTime();
    }
}
