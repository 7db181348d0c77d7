package io.newswatch.core.health;

import java.util.Objects;

/**
 * The state of one part of a service as the orchestrator sees it. A part that is not
 * {@code alive} should be restarted; one that is alive but not {@code ready} is still starting,
 * rebalancing or waiting for a dependency and should be left alone.
 */
public record Health(boolean alive, boolean ready, String detail) {

    public Health {
        Objects.requireNonNull(detail, "detail");
        if (ready && !alive) {
            throw new IllegalArgumentException("a part cannot be ready and dead");
        }
    }

    public static Health ready(String detail) {
        return new Health(true, true, detail);
    }

    public static Health notReady(String detail) {
        return new Health(true, false, detail);
    }

    public static Health dead(String detail) {
        return new Health(false, false, detail);
    }
}
