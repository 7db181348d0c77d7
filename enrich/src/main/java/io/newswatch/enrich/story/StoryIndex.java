package io.newswatch.enrich.story;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Assigns story ids. An article joins the story of the most similar earlier article within the
 * window when either
 * <ul>
 *   <li>their word shingles largely coincide (estimated Jaccard ≥ {@link #COPY_JACCARD}): copies,
 *       syndicated and lightly edited versions; or</li>
 *   <li>they share at least two main entities and their key terms are similar (cosine ≥
 *       {@link #PARAPHRASE_COSINE} with entity overlap ≥ {@link #PARAPHRASE_ENTITY_OVERLAP}):
 *       different outlets' own write-ups of one event.</li>
 * </ul>
 * Otherwise the article starts a story whose id is its own id. Not thread-safe: one index is used
 * by one stream task. Changes go through to the {@link Backing} (a state store).
 */
public final class StoryIndex {

    public static final Duration DEFAULT_WINDOW = Duration.ofHours(72);
    static final double COPY_JACCARD = 0.3;
    static final double PARAPHRASE_COSINE = 0.35;
    static final double PARAPHRASE_ENTITY_OVERLAP = 0.4;

    /** Where signatures are kept durably. */
    public interface Backing {
        void put(String articleId, StorySignature signature);

        void delete(String articleId);

        Backing NONE = new Backing() {
            @Override
            public void put(String articleId, StorySignature signature) {
            }

            @Override
            public void delete(String articleId) {
            }
        };
    }

    /** Why two articles are (or are not) one story. */
    public record Similarity(double jaccard, double termCosine, double entityOverlap, int sharedEntities) {
        public boolean sameStory() {
            return jaccard >= COPY_JACCARD
                    || sharedEntities >= 2 && entityOverlap >= PARAPHRASE_ENTITY_OVERLAP && termCosine >= PARAPHRASE_COSINE;
        }

        public double score() {
            return Math.max(jaccard, 0.5 * termCosine + 0.5 * entityOverlap);
        }
    }

    private final Duration window;
    private final Backing backing;
    private final Map<String, Indexed> byArticle = new LinkedHashMap<>();
    private final ScanTable table = new ScanTable();
    private long maxTime = Long.MIN_VALUE;

    public StoryIndex(Duration window, Backing backing) {
        this.window = window;
        this.backing = backing;
    }

    /**
     * A signature with the hashes of the first and last words of its entities. Two entity names
     * that are equal, or one a whole-word start or end of the other, share their first or their
     * last word: comparing these hashes bounds the number of shared entities cheaply.
     */
    private record Indexed(StorySignature signature, int[] firstWords, int[] lastWords) {

        static Indexed of(StorySignature s) {
            int[] first = new int[s.entities().size()];
            int[] last = new int[first.length];
            int i = 0;
            for (String e : s.entities()) {
                int space = e.indexOf(' ');
                first[i] = space < 0 ? e.hashCode() : e.substring(0, space).hashCode();
                int lastSpace = e.lastIndexOf(' ');
                last[i] = lastSpace < 0 ? e.hashCode() : e.substring(lastSpace + 1).hashCode();
                i++;
            }
            return new Indexed(s, first, last);
        }

        /** At least the number of this signature's entities that {@code other} shares. */
        int maxSharedWith(Indexed other) {
            int n = 0;
            for (int i = 0; i < firstWords.length; i++) {
                if (contains(other.firstWords, firstWords[i]) || contains(other.lastWords, lastWords[i])) {
                    n++;
                }
            }
            return n;
        }

        /** How many of this signature's entities {@code other} shares, as {@link #sharedEntities} counts them. */
        int sharedWith(Indexed other) {
            int n = 0;
            int i = 0;
            for (String e : signature.entities()) {
                // Names that share neither their first nor their last word cannot be the same entity.
                if ((contains(other.firstWords, firstWords[i]) || contains(other.lastWords, lastWords[i]))
                        && (other.signature.entities().contains(e) || containsPart(other.signature.entities(), e))) {
                    n++;
                }
                i++;
            }
            return n;
        }

        private static boolean contains(int[] values, int value) {
            for (int v : values) {
                if (v == value) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * What the scan over all remembered articles reads first, in flat arrays in insertion order:
     * times, MinHashes and entity word hashes. Reading these in one pass touches a few contiguous
     * arrays instead of several objects per article; only the articles that can be in the same
     * story are then compared in full.
     */
    private static final class ScanTable {
        private static final int WORDS = StorySignatures.MAX_ENTITIES;
        private static final int HASHES = StorySignatures.HASHES;

        private Indexed[] entries = new Indexed[64];
        private long[] published = new long[64];
        private long[] fetched = new long[64];
        /** Whether the article's MinHash and entities fit the flat arrays (else it is always compared in full). */
        private boolean[] flat = new boolean[64];
        private int[] minHashes = new int[64 * HASHES];
        private int[] firstWords = new int[64 * WORDS];
        private int[] lastWords = new int[64 * WORDS];
        private int[] entityCounts = new int[64];
        private int size;

        int size() {
            return size;
        }

        Indexed at(int i) {
            return entries[i];
        }

        void add(Indexed e) {
            if (size == entries.length) {
                grow();
            }
            StorySignature s = e.signature();
            entries[size] = e;
            published[size] = s.published();
            fetched[size] = s.fetched();
            flat[size] = fits(e);
            if (flat[size]) {
                System.arraycopy(s.minHash(), 0, minHashes, size * HASHES, HASHES);
                System.arraycopy(e.firstWords(), 0, firstWords, size * WORDS, e.firstWords().length);
                System.arraycopy(e.lastWords(), 0, lastWords, size * WORDS, e.lastWords().length);
                entityCounts[size] = e.firstWords().length;
            }
            size++;
        }

        void rebuild(Iterable<Indexed> all) {
            Arrays.fill(entries, null);
            size = 0;
            all.forEach(this::add);
        }

        /** {@link StorySignature#distanceMillis} above {@code window}. */
        boolean farApart(int i, StorySignature s, long window) {
            long distance = s.published() != StorySignature.UNKNOWN && published[i] != StorySignature.UNKNOWN
                    ? Math.abs(s.published() - published[i]) : Math.abs(s.fetched() - fetched[i]);
            return distance > window;
        }

        /**
         * Whether article {@code i} is surely not of the story of {@code x}: no copy (MinHash
         * estimate) and too few shared entities possible (entity word hashes).
         */
        boolean cannotBeSameStory(int i, Indexed x) {
            if (!flat[i] || !fits(x)) {
                return false;
            }
            int[] mine = x.signature().minHash();
            int base = i * HASHES;
            int same = 0;
            int valid = 0;
            for (int k = 0; k < HASHES; k++) {
                int theirs = minHashes[base + k];
                if (mine[k] != Integer.MAX_VALUE || theirs != Integer.MAX_VALUE) {
                    valid++;
                    if (mine[k] == theirs) {
                        same++;
                    }
                }
            }
            double jaccard = valid == 0 ? 0 : (double) same / valid;
            if (jaccard >= COPY_JACCARD) {
                return false;
            }
            int from = i * WORDS;
            int to = from + entityCounts[i];
            int atMost = 0;
            for (int w = 0; w < x.firstWords().length; w++) {
                if (contains(firstWords, from, to, x.firstWords()[w]) || contains(lastWords, from, to, x.lastWords()[w])) {
                    atMost++;
                }
            }
            int smaller = Math.min(x.firstWords().length, entityCounts[i]);
            double overlap = smaller == 0 ? 0 : Math.min(1.0, (double) atMost / smaller);
            return atMost < 2 || overlap < PARAPHRASE_ENTITY_OVERLAP;
        }

        private static boolean fits(Indexed e) {
            return e.signature().minHash().length == HASHES && e.firstWords().length <= WORDS;
        }

        private static boolean contains(int[] values, int from, int to, int value) {
            for (int i = from; i < to; i++) {
                if (values[i] == value) {
                    return true;
                }
            }
            return false;
        }

        private void grow() {
            int n = entries.length * 2;
            entries = Arrays.copyOf(entries, n);
            published = Arrays.copyOf(published, n);
            fetched = Arrays.copyOf(fetched, n);
            flat = Arrays.copyOf(flat, n);
            minHashes = Arrays.copyOf(minHashes, n * HASHES);
            firstWords = Arrays.copyOf(firstWords, n * WORDS);
            lastWords = Arrays.copyOf(lastWords, n * WORDS);
            entityCounts = Arrays.copyOf(entityCounts, n);
        }
    }

    /** Adds a signature restored from the backing store, without writing it back. */
    public void restore(StorySignature s) {
        Indexed entry = Indexed.of(s);
        if (byArticle.put(s.articleId(), entry) == null) {
            table.add(entry);
        } else {
            table.rebuild(byArticle.values());
        }
        maxTime = Math.max(maxTime, s.fetched());
    }

    public int size() {
        return byArticle.size();
    }

    /** The story id for {@code s}; remembers it. Re-assigning a known article returns its story. */
    public String assign(StorySignature s) {
        Indexed known = byArticle.get(s.articleId());
        if (known != null) {
            return known.signature().storyId();
        }
        Indexed indexed = Indexed.of(s);
        String storyId = s.articleId();
        double best = 0;
        for (int i = 0; i < table.size(); i++) {
            if (table.farApart(i, s, window.toMillis()) || table.cannotBeSameStory(i, indexed)) {
                continue;
            }
            Indexed candidate = table.at(i);
            Similarity sim = sameStoryCandidate(indexed, candidate);
            if (sim != null && sim.sameStory() && sim.score() > best) {
                best = sim.score();
                storyId = candidate.signature().storyId();
            }
        }
        StorySignature stored = s.withStoryId(storyId);
        Indexed entry = new Indexed(stored, indexed.firstWords(), indexed.lastWords());
        byArticle.put(s.articleId(), entry);
        table.add(entry);
        backing.put(s.articleId(), stored);
        maxTime = Math.max(maxTime, s.fetched());
        return storyId;
    }

    /**
     * Forgets articles fetched longer than the window before the newest one seen (by fetch time, so
     * that replaying old articles does not purge everything); returns how many.
     */
    public int purge() {
        if (maxTime == Long.MIN_VALUE) {
            return 0;
        }
        long cutoff = maxTime - window.toMillis();
        List<String> removed = new ArrayList<>();
        for (Iterator<Indexed> it = byArticle.values().iterator(); it.hasNext(); ) {
            StorySignature s = it.next().signature();
            if (s.fetched() < cutoff) {
                it.remove();
                removed.add(s.articleId());
            }
        }
        if (!removed.isEmpty()) {
            table.rebuild(byArticle.values());
        }
        removed.forEach(backing::delete);
        return removed.size();
    }

    public static Similarity similarity(StorySignature a, StorySignature b) {
        double jaccard = jaccard(a, b);
        int shared = sharedEntities(a, b);
        return new Similarity(jaccard, termCosine(a, b), entityOverlap(a, b, shared), shared);
    }

    /**
     * The similarity of {@code a} and {@code b} when it can make them one story, else null. Most
     * pairs are neither copies nor share entities: those skip comparing names and terms.
     */
    private static Similarity sameStoryCandidate(Indexed x, Indexed y) {
        StorySignature a = x.signature();
        StorySignature b = y.signature();
        double jaccard = jaccard(a, b);
        if (jaccard < COPY_JACCARD) {
            int atMost = x.maxSharedWith(y);
            if (atMost < 2 || entityOverlap(a, b, atMost) < PARAPHRASE_ENTITY_OVERLAP) {
                return null;
            }
        }
        int shared = x.sharedWith(y);
        double overlap = entityOverlap(a, b, shared);
        if (jaccard < COPY_JACCARD && (shared < 2 || overlap < PARAPHRASE_ENTITY_OVERLAP)) {
            return null;
        }
        return new Similarity(jaccard, termCosine(a, b), overlap, shared);
    }

    private static double jaccard(StorySignature a, StorySignature b) {
        int[] x = a.minHash();
        int[] y = b.minHash();
        int same = 0;
        int valid = 0;
        for (int i = 0; i < x.length && i < y.length; i++) {
            if (x[i] != Integer.MAX_VALUE || y[i] != Integer.MAX_VALUE) {
                valid++;
                if (x[i] == y[i]) {
                    same++;
                }
            }
        }
        return valid == 0 ? 0 : (double) same / valid;
    }

    private static double termCosine(StorySignature a, StorySignature b) {
        double cosine = 0;
        for (Map.Entry<String, Float> t : a.terms().entrySet()) {
            Float w = b.terms().get(t.getKey());
            if (w != null) {
                cosine += t.getValue() * w;
            }
        }
        return cosine;
    }

    private static int sharedEntities(StorySignature a, StorySignature b) {
        int shared = 0;
        for (String e : a.entities()) {
            if (b.entities().contains(e) || containsPart(b.entities(), e)) {
                shared++;
            }
        }
        return shared;
    }

    private static double entityOverlap(StorySignature a, StorySignature b, int shared) {
        int smaller = Math.min(a.entities().size(), b.entities().size());
        return smaller == 0 ? 0 : Math.min(1.0, (double) shared / smaller);
    }

    /** "masood" in one article and "khalid masood" in the other are the same entity. */
    private static boolean containsPart(Set<String> names, String name) {
        for (String n : names) {
            if (n.length() > name.length() ? isWordPart(n, name) : isWordPart(name, n)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code longer} starts or ends with {@code part} as whole words (without building strings). */
    static boolean isWordPart(String longer, String part) {
        int rest = longer.length() - part.length();
        if (rest <= 0) {
            return false;
        }
        return longer.charAt(rest - 1) == ' ' && longer.endsWith(part)
                || longer.charAt(part.length()) == ' ' && longer.startsWith(part);
    }
}
