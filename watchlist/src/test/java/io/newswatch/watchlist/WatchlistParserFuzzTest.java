package io.newswatch.watchlist;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the watch-list parser: any text is either watch-lists or one
 * {@link InvalidWatchlistException} whose message starts with {@code file:line:column} (or
 * {@code file:}), never another exception. Seeds in {@code WatchlistParserFuzzTestInputs/};
 * {@code -Pfuzz} fuzzes for real.
 */
class WatchlistParserFuzzTest {

    @FuzzTest
    void parse(String yaml) {
        if (yaml == null) {
            return;
        }
        try {
            WatchlistParser.Parsed parsed = WatchlistParser.parseLocated(yaml, "fuzz.yaml");
            assertThat(parsed.watchlists()).isNotNull();
        } catch (InvalidWatchlistException e) {
            assertThat(e.getMessage()).startsWith("fuzz.yaml");
        }
    }

    /** The first finding: the YAML library threw a bare NumberFormatException for an escape cut off by the end of the file. */
    @Test
    void aBadEscapeIsAnInvalidFileNotACrash() {
        assertThatThrownBy(() -> WatchlistParser.parse("watchlists: [\"\\U", "bad.yaml"))
                .isInstanceOf(InvalidWatchlistException.class).hasMessageStartingWith("bad.yaml:1:1: invalid YAML");
    }
}
