package io.newswatch.watchlist;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** Reads watch-list files from disk or from the bundled default. */
public final class WatchlistFiles {

    /** The watch-lists used when none are given: a small example set, see the README. */
    public static final String DEFAULT_RESOURCE = "/io/newswatch/watchlist/default-watchlists.yaml";
    /** The JSON Schema of the format, for editors. */
    public static final String SCHEMA_RESOURCE = "/io/newswatch/watchlist/watchlists.schema.json";
    static final String DEFAULT_NAME = "(bundled default)";

    private WatchlistFiles() {
    }

    /** A parsed watch-list file together with its raw content (whose hash is the set's version). */
    public record Loaded(String source, String content, List<Watchlist> watchlists) {
    }

    public static Loaded load(Path file) throws InvalidWatchlistException {
        String content = read(file);
        return new Loaded(file.toString(), content, WatchlistParser.parse(content, file.toString()));
    }

    public static Loaded loadDefault() {
        String content = defaultContent();
        try {
            return new Loaded(DEFAULT_NAME, content, WatchlistParser.parse(content, "default-watchlists.yaml"));
        } catch (InvalidWatchlistException e) {
            throw new IllegalStateException("bundled watch-lists are invalid: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a watch-list file, or every {@code *.yaml}/{@code *.yml} file of a directory (names
     * starting with '.' are skipped: Kubernetes keeps a ConfigMap's real files in {@code ..data}
     * and links them from the directory), as one set. Every problem of every file is reported,
     * and a watch-list id used in two files is one.
     */
    public static WatchlistSet loadSet(Path fileOrDirectory, Clock clock) throws InvalidWatchlistException {
        List<Path> files;
        try {
            files = Files.isDirectory(fileOrDirectory) ? yamlFiles(fileOrDirectory) : List.of(fileOrDirectory);
        } catch (IOException e) {
            throw new InvalidWatchlistException(List.of(new WatchlistProblem(fileOrDirectory.toString(), 1, 1,
                    "cannot list directory: " + e.getMessage())));
        }
        List<WatchlistProblem> problems = new ArrayList<>();
        List<Watchlist> all = new ArrayList<>();
        Map<String, SourcePosition> positions = new HashMap<>();
        Map<String, String> idFile = new HashMap<>();
        MessageDigest digest = sha256();
        for (Path file : files) {
            try {
                String content = read(file);
                digest.update((file.getFileName() + "\u0000" + content + "\u0000").getBytes(StandardCharsets.UTF_8));
                WatchlistParser.Parsed parsed = WatchlistParser.parseLocated(content, file.toString());
                for (Watchlist w : parsed.watchlists()) {
                    String other = idFile.putIfAbsent(w.id(), file.toString());
                    if (other != null) {
                        SourcePosition p = parsed.position(w.id(), "");
                        problems.add(new WatchlistProblem(file.toString(), p == null ? 1 : p.line(), p == null ? 1 : p.column(),
                                "duplicate watch-list id '" + w.id() + "' (also in " + other + ")"));
                    } else {
                        all.add(w);
                    }
                }
                positions.putAll(parsed.positions());
            } catch (InvalidWatchlistException e) {
                problems.addAll(e.problems());
            }
        }
        if (files.isEmpty()) {
            problems.add(new WatchlistProblem(fileOrDirectory.toString(), 1, 1, "no .yaml or .yml files in directory"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidWatchlistException(problems);
        }
        return new WatchlistSet(fileOrDirectory.toString(), HexFormat.of().formatHex(digest.digest(), 0, 6),
                files.stream().map(Path::toString).toList(), List.copyOf(all), Map.copyOf(positions), clock.instant());
    }

    /**
     * The version {@link #loadSet} would give, computed without parsing: cheap enough to poll.
     * Null when the files cannot be read (the next load reports why).
     */
    public static String versionOf(Path fileOrDirectory) {
        try {
            List<Path> files = Files.isDirectory(fileOrDirectory) ? yamlFiles(fileOrDirectory) : List.of(fileOrDirectory);
            MessageDigest digest = sha256();
            for (Path file : files) {
                digest.update((file.getFileName() + "\u0000" + Files.readString(file, StandardCharsets.UTF_8) + "\u0000")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 6);
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }

    /** The bundled example set. */
    public static WatchlistSet defaultSet(Clock clock) {
        String content = defaultContent();
        try {
            WatchlistParser.Parsed parsed = WatchlistParser.parseLocated(content, "default-watchlists.yaml");
            MessageDigest digest = sha256();
            digest.update(("default-watchlists.yaml\u0000" + content + "\u0000").getBytes(StandardCharsets.UTF_8));
            return new WatchlistSet(DEFAULT_NAME, HexFormat.of().formatHex(digest.digest(), 0, 6),
                    List.of("default-watchlists.yaml"), parsed.watchlists(), parsed.positions(), clock.instant());
        } catch (InvalidWatchlistException e) {
            throw new IllegalStateException("bundled watch-lists are invalid: " + e.getMessage(), e);
        }
    }

    static List<Path> yamlFiles(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(p -> {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return !name.startsWith(".") && (name.endsWith(".yaml") || name.endsWith(".yml")) && Files.isRegularFile(p);
            }).sorted().toList();
        }
    }

    private static String read(Path file) throws InvalidWatchlistException {
        try {
            if (Files.size(file) > WatchlistParser.MAX_FILE_CODE_POINTS) {
                throw new InvalidWatchlistException(List.of(new WatchlistProblem(file.toString(), 1, 1,
                        "file larger than " + WatchlistParser.MAX_FILE_CODE_POINTS + " bytes")));
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidWatchlistException(List.of(new WatchlistProblem(file.toString(), 1, 1,
                    "cannot read file: " + e)));
        }
    }

    private static String defaultContent() {
        try (InputStream in = WatchlistFiles.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
