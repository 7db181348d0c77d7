package io.newswatch.ingest.dedup;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * Article ids and content hashes already published, kept in an append-only file so that a restart
 * does not publish them again.
 */
public final class SeenArticles implements AutoCloseable {

    private final Set<String> seen = new HashSet<>();
    private final BufferedWriter log;

    public SeenArticles(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        seen.add(line.strip());
                    }
                }
            }
            log = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the published-articles file " + file, e);
        }
    }

    public synchronized boolean contains(String key) {
        return seen.contains(key);
    }

    /** Remembers {@code keys} durably; call only after Kafka acknowledged the article. */
    public synchronized void add(String... keys) {
        try {
            for (String key : keys) {
                if (seen.add(key)) {
                    log.write(key);
                    log.newLine();
                }
            }
            log.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized int size() {
        return seen.size();
    }

    @Override
    public synchronized void close() throws IOException {
        log.close();
    }
}
