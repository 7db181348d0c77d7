package io.newswatch.watchlist;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads watch-list files from disk or from the bundled default. */
public final class WatchlistFiles {

    /** The watch-lists used when none are given: a small example set, see the README. */
    public static final String DEFAULT_RESOURCE = "/io/newswatch/watchlist/default-watchlists.yaml";

    private WatchlistFiles() {
    }

    /** A parsed watch-list file together with its raw content (whose hash is the set's version). */
    public record Loaded(String source, String content, List<Watchlist> watchlists) {
    }

    public static Loaded load(Path file) throws InvalidWatchlistException {
        String content;
        try {
            if (Files.size(file) > WatchlistParser.MAX_FILE_CODE_POINTS) {
                throw new InvalidWatchlistException(List.of(new WatchlistProblem(file.toString(), 1, 1,
                        "file larger than " + WatchlistParser.MAX_FILE_CODE_POINTS + " bytes")));
            }
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidWatchlistException(List.of(new WatchlistProblem(file.toString(), 1, 1,
                    "cannot read file: " + e.getMessage())));
        }
        return new Loaded(file.toString(), content, WatchlistParser.parse(content, file.toString()));
    }

    public static Loaded loadDefault() {
        try (InputStream in = WatchlistFiles.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Loaded("(bundled default)", content, WatchlistParser.parse(content, "default-watchlists.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidWatchlistException e) {
            throw new IllegalStateException("bundled watch-lists are invalid: " + e.getMessage(), e);
        }
    }
}
