package io.newswatch.dashboard.store;

import io.newswatch.schemas.Alert;

/**
 * An alert as the dashboard keeps it: with the sequence number it got on arrival (what the live
 * stream's event ids and {@code after} refer to) and where it was read.
 */
public record StoredAlert(long seq, Alert alert, int partition, long offset) {
}
