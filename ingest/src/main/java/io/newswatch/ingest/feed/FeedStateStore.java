package io.newswatch.ingest.feed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What ingest knows about each feed across restarts: the validators of the last fully published
 * response (ETag, Last-Modified) and the keys of the most recent items that were published (or
 * deliberately skipped). One small JSON file per feed, replaced atomically on each change.
 */
public final class FeedStateStore {

    /** Items remembered per feed: feeds show their latest few dozen, so this is many polls' worth. */
    static final int ITEMS_PER_FEED = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The state of one feed. */
    public static final class State {
        public String url;
        public String etag;
        public String lastModified;
        public List<String> items = new ArrayList<>();
    }

    private final Path directory;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    public FeedStateStore(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the feed state directory " + directory, e);
        }
    }

    /** A copy of the feed's state. */
    public State get(String feedUrl) {
        State s = load(feedUrl);
        synchronized (s) {
            State copy = new State();
            copy.url = feedUrl;
            copy.etag = s.etag;
            copy.lastModified = s.lastModified;
            copy.items = new ArrayList<>(s.items);
            return copy;
        }
    }

    /** Records that the items {@code keys} are done (published or deliberately skipped). */
    public void addItems(String feedUrl, Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        State s = load(feedUrl);
        synchronized (s) {
            LinkedHashSet<String> items = new LinkedHashSet<>(s.items);
            items.removeAll(keys);
            items.addAll(keys);
            List<String> list = new ArrayList<>(items);
            s.items = list.size() > ITEMS_PER_FEED ? new ArrayList<>(list.subList(list.size() - ITEMS_PER_FEED, list.size()))
                    : list;
            save(feedUrl, s);
        }
    }

    /** Records the validators of a response all of whose items are done. */
    public void setValidators(String feedUrl, String etag, String lastModified) {
        State s = load(feedUrl);
        synchronized (s) {
            s.etag = etag;
            s.lastModified = lastModified;
            save(feedUrl, s);
        }
    }

    private State load(String feedUrl) {
        return states.computeIfAbsent(feedUrl, url -> {
            Path file = fileOf(url);
            try {
                State s = Files.exists(file) ? JSON.readValue(file.toFile(), State.class) : new State();
                s.url = url;
                return s;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the feed state file " + file, e);
            }
        });
    }

    private void save(String feedUrl, State s) {
        Path file = fileOf(feedUrl);
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), s);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the feed state file " + file, e);
        }
    }

    private Path fileOf(String feedUrl) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(feedUrl.getBytes(StandardCharsets.UTF_8));
            return directory.resolve("feed-" + HexFormat.of().formatHex(d, 0, 10) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
