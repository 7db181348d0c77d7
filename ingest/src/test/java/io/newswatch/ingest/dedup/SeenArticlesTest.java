package io.newswatch.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeenArticlesTest {

    @TempDir
    Path dir;

    @Test
    void remembersKeysAcrossRestarts() throws IOException {
        try (SeenArticles seen = new SeenArticles(dir)) {
            seen.add("u1", "hash1");
            assertThat(seen.contains("u1")).isTrue();
            assertThat(seen.contains("u2")).isFalse();
        }
        try (SeenArticles seen = new SeenArticles(dir)) {
            assertThat(seen.contains("u1")).isTrue();
            assertThat(seen.contains("hash1")).isTrue();
            assertThat(seen.contains("hash2")).isFalse();
            assertThat(seen.size()).isEqualTo(2);
        }
    }

    @Test
    void staysWithinItsCapacityByForgettingTheOldestGeneration() throws IOException {
        try (SeenArticles seen = new SeenArticles(dir, 400)) {
            for (int i = 0; i < 1000; i++) {
                seen.add("key-" + i);
            }
            assertThat(seen.size()).isBetween(300L, 400L);
            assertThat(seen.contains("key-999")).isTrue();
            assertThat(seen.contains("key-0")).isFalse();
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.count()).isEqualTo(SeenArticles.GENERATIONS);
        }
        long bytes = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                bytes += Files.size(f);
            }
        }
        assertThat(bytes).isLessThanOrEqualTo(400 * 8);
    }

    @Test
    void aWriteTornByACrashIsCutOffAndTheRestKept() throws IOException {
        try (SeenArticles seen = new SeenArticles(dir)) {
            seen.add("a", "b");
        }
        Path file;
        try (Stream<Path> files = Files.list(dir)) {
            file = files.findFirst().orElseThrow();
        }
        Files.write(file, new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
        try (SeenArticles seen = new SeenArticles(dir)) {
            assertThat(seen.size()).isEqualTo(2);
            seen.add("c");
        }
        assertThat(Files.size(file)).isEqualTo(24);
        try (SeenArticles seen = new SeenArticles(dir)) {
            assertThat(seen.contains("a")).isTrue();
            assertThat(seen.contains("c")).isTrue();
        }
    }

    @Test
    void memoryIsAboutSixteenBytesAKey() throws IOException {
        try (SeenArticles seen = new SeenArticles(dir)) {
            String[] keys = new String[100_000];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = "k" + i;
            }
            seen.add(keys);
            assertThat(seen.memoryBytes()).isLessThanOrEqualTo(32L * keys.length);
        }
    }
}
