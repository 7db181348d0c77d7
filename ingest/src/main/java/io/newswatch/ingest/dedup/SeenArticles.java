package io.newswatch.ingest.dedup;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Article ids and content hashes already published, remembered across restarts in bounded space.
 *
 * <p>Each key is kept as a 64-bit fingerprint (the first 8 bytes of its SHA-256; a false "seen"
 * needs two of the remembered keys among 2^64 values, about 10^-7 after 2 million keys). Keys live in
 * {@value #GENERATIONS} generations, each an append-only file of fingerprints plus an in-memory hash
 * set; when the newest generation is full a new one starts and the oldest is deleted. So the store
 * remembers between {@code capacity * 3/4} and {@code capacity} most recent keys, and costs at most
 * 8 bytes a key on disk and about 16 bytes a key in memory. An article uses two keys (id and content
 * hash), three when it came from a feed link whose page names a different canonical URL: a million
 * articles take 16-24 MB of disk and 32-48 MB of heap.
 *
 * <p>A key is written to the file before {@link #add} returns, so a process crash forgets nothing;
 * a torn write at the end of a file is cut off when it is read back.
 */
public final class SeenArticles implements AutoCloseable {

    /** Two million articles (id + content hash each) by default: at most about 67 MB of heap and 32 MB of disk. */
    public static final long DEFAULT_CAPACITY_KEYS = 4_000_000;
    static final int GENERATIONS = 4;
    private static final Logger log = LoggerFactory.getLogger(SeenArticles.class);

    private final Path directory;
    private final long keysPerGeneration;
    private final Deque<Generation> generations = new ArrayDeque<>();
    private final ByteBuffer buffer = ByteBuffer.allocate(8 * 64);

    /** Remembers up to {@link #DEFAULT_CAPACITY_KEYS} keys in {@code directory}. */
    public SeenArticles(Path directory) {
        this(directory, DEFAULT_CAPACITY_KEYS);
    }

    public SeenArticles(Path directory, long capacityKeys) {
        this.directory = directory;
        this.keysPerGeneration = Math.max(1, capacityKeys / GENERATIONS);
        try {
            Files.createDirectories(directory);
            List<Path> files;
            try (Stream<Path> list = Files.list(directory)) {
                files = list.filter(p -> p.getFileName().toString().matches("seen-\\d{12}\\.bin")).sorted().toList();
            }
            for (Path file : files) {
                generations.addLast(Generation.load(file));
            }
            while (generations.size() > GENERATIONS) {
                generations.removeFirst().delete();
            }
            if (generations.isEmpty()) {
                generations.addLast(Generation.create(directory, 0));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the published-articles store in " + directory, e);
        }
        log.info("Remembering {} published keys from {} ({} generations)", size(), directory, generations.size());
    }

    public synchronized boolean contains(String key) {
        long f = fingerprint(key);
        for (Generation g : generations) {
            if (g.keys.contains(f)) {
                return true;
            }
        }
        return false;
    }

    /** Remembers {@code keys} durably; call only after Kafka acknowledged the article. */
    public synchronized void add(String... keys) {
        try {
            buffer.clear();
            for (String key : keys) {
                long f = fingerprint(key);
                if (containsFingerprint(f)) {
                    continue;
                }
                Generation current = generations.peekLast();
                if (current.keys.size() >= keysPerGeneration) {
                    flush(current);
                    current = Generation.create(directory, current.sequence + 1);
                    generations.addLast(current);
                    while (generations.size() > GENERATIONS) {
                        generations.removeFirst().delete();
                    }
                }
                current.keys.add(f);
                buffer.putLong(f);
                if (!buffer.hasRemaining()) {
                    flush(current);
                }
            }
            flush(generations.peekLast());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to the published-articles store in " + directory, e);
        }
    }

    /** How many keys are remembered. */
    public synchronized long size() {
        return generations.stream().mapToLong(g -> g.keys.size()).sum();
    }

    /** Heap taken by the in-memory sets, in bytes. */
    public synchronized long memoryBytes() {
        return generations.stream().mapToLong(g -> g.keys.bytes()).sum();
    }

    @Override
    public synchronized void close() throws IOException {
        for (Generation g : generations) {
            g.channel.force(false);
            g.channel.close();
        }
    }

    private boolean containsFingerprint(long f) {
        for (Generation g : generations) {
            if (g.keys.contains(f)) {
                return true;
            }
        }
        return false;
    }

    private void flush(Generation g) throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            g.channel.write(buffer);
        }
        buffer.clear();
    }

    static long fingerprint(String key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            long f = ByteBuffer.wrap(d).getLong();
            return f == 0 ? 1 : f; // 0 marks an empty slot
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One append-only file of fingerprints and its in-memory set. */
    private static final class Generation {
        final long sequence;
        final Path file;
        final FileChannel channel;
        final LongHashSet keys;

        private Generation(long sequence, Path file, FileChannel channel, LongHashSet keys) {
            this.sequence = sequence;
            this.file = file;
            this.channel = channel;
            this.keys = keys;
        }

        static Generation create(Path directory, long sequence) throws IOException {
            Path file = directory.resolve(String.format("seen-%012d.bin", sequence));
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            return new Generation(sequence, file, channel, new LongHashSet(1024));
        }

        static Generation load(Path file) throws IOException {
            long sequence = Long.parseLong(file.getFileName().toString().replaceAll("\\D", ""));
            long length = Files.size(file);
            long whole = length - length % 8;
            LongHashSet keys = new LongHashSet((int) Math.min(Integer.MAX_VALUE / 4, whole / 8));
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
                for (long i = 0; i < whole / 8; i++) {
                    keys.add(in.readLong());
                }
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
            if (whole != length) {
                channel.truncate(whole); // a write torn by a crash
            }
            channel.position(whole);
            return new Generation(sequence, file, channel, keys);
        }

        void delete() throws IOException {
            channel.close();
            Files.deleteIfExists(file);
        }
    }
}
