package io.newswatch.enrich.story;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What story grouping remembers of an article: a MinHash of its word shingles (copies and
 * syndicated versions), its weighted key terms and its main entities (paraphrases).
 *
 * @param published publication time, epoch millis, or {@link #UNKNOWN}
 * @param fetched   when the pipeline got the article, epoch millis
 * @param minHash  one minimum per hash function over the article's 4-word shingles
 * @param terms    key terms with L2-normalised weights
 * @param entities canonical names (lower case) of the main people, organisations and places
 */
public record StorySignature(String articleId, String storyId, long published, long fetched, int[] minHash,
        Map<String, Float> terms, Set<String> entities) {

    public static final long UNKNOWN = Long.MIN_VALUE;

    public StorySignature {
        terms = CompactNames.terms(terms);
        entities = CompactNames.names(entities);
    }

    /**
     * How far apart two articles are in time: by publication time when both have one, else by
     * fetch time (undated articles are compared by when they arrived).
     */
    public long distanceMillis(StorySignature other) {
        if (published != UNKNOWN && other.published != UNKNOWN) {
            return Math.abs(published - other.published);
        }
        return Math.abs(fetched - other.fetched);
    }

    public StorySignature withStoryId(String id) {
        return new StorySignature(articleId, id, published, fetched, minHash, terms, entities);
    }

    public byte[] toBytes() {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
             DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(2);
            out.writeUTF(articleId);
            out.writeUTF(storyId);
            out.writeLong(published);
            out.writeLong(fetched);
            out.writeShort(minHash.length);
            for (int h : minHash) {
                out.writeInt(h);
            }
            out.writeShort(terms.size());
            for (Map.Entry<String, Float> t : terms.entrySet()) {
                out.writeUTF(t.getKey());
                out.writeFloat(t.getValue());
            }
            out.writeShort(entities.size());
            for (String e : entities) {
                out.writeUTF(e);
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static StorySignature fromBytes(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int version = in.readByte();
            if (version != 2) {
                throw new IllegalArgumentException("unknown story signature version " + version);
            }
            String articleId = in.readUTF();
            String storyId = in.readUTF();
            long published = in.readLong();
            long fetched = in.readLong();
            int[] minHash = new int[in.readShort()];
            for (int i = 0; i < minHash.length; i++) {
                minHash[i] = in.readInt();
            }
            int nTerms = in.readShort();
            Map<String, Float> terms = new LinkedHashMap<>();
            for (int i = 0; i < nTerms; i++) {
                terms.put(in.readUTF(), in.readFloat());
            }
            int nEntities = in.readShort();
            Set<String> entities = new LinkedHashSet<>();
            for (int i = 0; i < nEntities; i++) {
                entities.add(in.readUTF());
            }
            return new StorySignature(articleId, storyId, published, fetched, minHash, terms, entities);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
