package io.newswatch.enrich.embed;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeddings of a fixed set of texts (a taxonomy's exemplars) kept in a file, so that a restart does
 * not embed them all again: that is seconds of both cores at every start, while the broker and the
 * name models load beside it. Texts are keyed by their SHA-256, and the file records the model
 * that made the vectors, so an edited text or another model is simply embedded afresh. A file that
 * cannot be read (truncated, another format) is ignored with a warning; one that cannot be written
 * costs only the time saved.
 */
public final class EmbeddingCache {

    /** The cache's folder in a service's state directory. */
    static final String DIRECTORY = "embedding-cache";

    private static final Logger log = LoggerFactory.getLogger(EmbeddingCache.class);
    private static final int MAGIC = 0x4e574543; // "NWEC"
    private static final int FORMAT = 1;
    /** No cache: every text is embedded. */
    private static final EmbeddingCache NONE = new EmbeddingCache(null);

    private final Path directory;

    private EmbeddingCache(Path directory) {
        this.directory = directory;
    }

    public static EmbeddingCache none() {
        return NONE;
    }

    /** The cache of a service whose state lives in {@code stateDir}: its {@value #DIRECTORY} folder. */
    public static EmbeddingCache inStateDirectory(Path stateDir) {
        return in(stateDir.resolve(DIRECTORY));
    }

    /** A cache in {@code directory} (made when first written), one file per model. */
    public static EmbeddingCache in(Path directory) {
        return directory == null ? NONE : new EmbeddingCache(directory);
    }

    /** The file this cache keeps {@code model}'s vectors in, or null without a directory. */
    public Path file(String model) {
        return directory == null ? null : directory.resolve("embeddings-" + sha256(model).substring(0, 16) + ".bin");
    }

    /**
     * The embedding of each of {@code texts}, in order: from the file where it has them, from
     * {@code embedder} (on every core) otherwise. When any was missing, the file is rewritten to hold
     * exactly these texts, so it never grows with texts no longer asked for.
     */
    public List<float[]> embedAll(List<String> texts, SentenceEmbedder embedder) {
        Path file = file(embedder.name());
        Map<String, float[]> known = file == null ? Map.of() : read(file, embedder);
        String[] keys = texts.stream().map(EmbeddingCache::sha256).toArray(String[]::new);
        float[][] out = new float[texts.size()][];
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < out.length; i++) {
            out[i] = known.get(keys[i]);
            if (out[i] == null) {
                missing.add(i);
            }
        }
        missing.parallelStream().forEach(i -> out[i] = embedder.embed(texts.get(i)));
        if (file != null && !missing.isEmpty()) {
            Map<String, float[]> entries = new LinkedHashMap<>(); // a text listed twice is written once
            for (int i = 0; i < out.length; i++) {
                entries.putIfAbsent(keys[i], out[i]);
            }
            write(file, embedder, entries);
        }
        return List.of(out);
    }

    private static Map<String, float[]> read(Path file, SentenceEmbedder embedder) {
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new BufferedInputStream(raw))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                throw new IOException("not an embedding cache of this version");
            }
            String model = in.readUTF();
            int dimension = in.readInt();
            int count = in.readInt();
            if (!model.equals(embedder.name()) || dimension != embedder.dimension()) {
                log.info("embedding cache {} holds vectors of {} ({} dimensions), not of {}; embedding afresh", file,
                        model, dimension, embedder.name());
                return Map.of();
            }
            if (count < 0 || count > 10_000_000 / Math.max(1, dimension)) {
                throw new IOException("implausible entry count " + count);
            }
            Map<String, float[]> vectors = new HashMap<>(count * 2);
            byte[] key = new byte[32];
            for (int n = 0; n < count; n++) {
                in.readFully(key);
                float[] v = new float[dimension];
                for (int d = 0; d < dimension; d++) {
                    v[d] = in.readFloat();
                }
                vectors.put(HexFormat.of().formatHex(key), v);
            }
            if (in.read() != -1) {
                throw new IOException("data after the last entry");
            }
            return vectors;
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException e) {
            log.warn("ignoring embedding cache {}: {}; embedding afresh", file, e.toString());
            return Map.of();
        }
    }

    private static void write(Path file, SentenceEmbedder embedder, Map<String, float[]> entries) {
        Path tmp = null;
        try {
            Files.createDirectories(file.getParent());
            // A temporary name of its own: two processes sharing a state folder must not write into one file.
            tmp = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp");
            try (OutputStream raw = Files.newOutputStream(tmp);
                    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw))) {
                out.writeInt(MAGIC);
                out.writeInt(FORMAT);
                out.writeUTF(embedder.name());
                out.writeInt(embedder.dimension());
                out.writeInt(entries.size());
                for (Map.Entry<String, float[]> e : entries.entrySet()) {
                    out.write(HexFormat.of().parseHex(e.getKey()));
                    for (float f : e.getValue()) {
                        out.writeFloat(f);
                    }
                }
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            log.warn("cannot write embedding cache {}: {}; the next start embeds these texts again", file, e.toString());
            try {
                if (tmp != null) {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
