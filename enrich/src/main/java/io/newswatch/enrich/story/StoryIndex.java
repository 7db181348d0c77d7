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
 * Otherwise the article starts a story whose id is its own id. A new article is compared only with
 * the remembered articles {@link StoryCandidates} files under one of its keys, a superset of those
 * either rule can accept, so the cost follows the number of related articles, not the window's
 * size. Not thread-safe: one index is used
 * by one stream task. Changes go through to the {@link Backing} (a state store).
 */
public final class StoryIndex {

    public static final Duration DEFAULT_WINDOW = Duration.ofHours(72);
    /**
     * At most this many articles are remembered (about 1.3 KB of heap each); past it the earliest
     * remembered are forgotten first, so that a high rate shortens the window instead of
     * exhausting the heap.
     */
    public static final int DEFAULT_MAX_ARTICLES = 200_000;
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
    private final int maxArticles;
    private final Backing backing;
    private final Map<String, Indexed> byArticle = new LinkedHashMap<>();
    /** The remembered articles by number (null: forgotten); numbers follow {@link #byArticle}'s order. */
    private Indexed[] byNumber = new Indexed[64];
    private int numbered;
    private final StoryCandidates candidates = new StoryCandidates();
    private long maxTime = Long.MIN_VALUE;

    public StoryIndex(Duration window, Backing backing) {
        this(window, DEFAULT_MAX_ARTICLES, backing);
    }

    public StoryIndex(Duration window, int maxArticles, Backing backing) {
        if (maxArticles < 1) {
            throw new IllegalArgumentException("maxArticles must be positive, not " + maxArticles);
        }
        this.window = window;
        this.maxArticles = maxArticles;
        this.backing = backing;
    }

    /**
     * A signature with the hashes of the first and last words of its entities. Two entity names
     * that are equal, or one a whole-word start or end of the other, share their first or their
     * last word: comparing these hashes bounds the number of shared entities cheaply.
     */
    private static final class Indexed {
        final StorySignature signature;
        final int[] firstWords;
        final int[] lastWords;
        /** Position in remembering order, as numbered by {@link StoryCandidates}; -1 until remembered. */
        int number = -1;

        Indexed(StorySignature signature, int[] firstWords, int[] lastWords) {
            this.signature = signature;
            this.firstWords = firstWords;
            this.lastWords = lastWords;
        }

        StorySignature signature() {
            return signature;
        }

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

    /** Adds a signature restored from the backing store, without writing it back. */
    public void restore(StorySignature s) {
        Indexed entry = Indexed.of(s);
        Indexed replaced = byArticle.put(s.articleId(), entry);
        if (replaced == null) {
            remember(entry);
        } else {
            // Same place in the order as the entry it replaces, which may have other keys.
            reindex();
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
        String storyId = bestStory(indexed);
        StorySignature stored = s.withStoryId(storyId);
        Indexed entry = new Indexed(stored, indexed.firstWords, indexed.lastWords);
        byArticle.put(s.articleId(), entry);
        remember(entry);
        backing.put(s.articleId(), stored);
        maxTime = Math.max(maxTime, s.fetched());
        if (byArticle.size() > maxArticles) {
            forget(byArticle.size() - maxArticles, e -> true);
        }
        return storyId;
    }

    /**
     * The story of the most similar remembered article that is of the same story as {@code x}, else
     * {@code x}'s own id. Only the articles that share a candidate key are compared; they are taken
     * in remembering order and a later one wins only with a higher score, as in a full scan.
     */
    private String bestStory(Indexed x) {
        int[] found = candidates.candidates(x.signature(), x.firstWords, x.lastWords, n -> byNumber[n] != null,
                numbered - 1);
        List<Indexed> inOrder = new ArrayList<>(found.length);
        for (int n : found) {
            inOrder.add(byNumber[n]);
        }
        return bestAmong(x, inOrder);
    }

    /**
     * The story of the most similar article among {@code candidates} (in remembering order: the first
     * highest score wins), or the article's own id when none is in the window and the same story.
     */
    private String bestAmong(Indexed x, Iterable<Indexed> candidates) {
        StorySignature s = x.signature();
        String storyId = s.articleId();
        double best = 0;
        for (Indexed candidate : candidates) {
            if (s.distanceMillis(candidate.signature()) > window.toMillis()) {
                continue;
            }
            Similarity sim = sameStoryCandidate(x, candidate);
            if (sim != null && sim.sameStory() && sim.score() > best) {
                best = sim.score();
                storyId = candidate.signature().storyId();
            }
        }
        return storyId;
    }

    /** What {@link #assign} would answer for a new {@code s}, by comparing it with every remembered article. */
    String storyByFullScan(StorySignature s) {
        return bestAmong(Indexed.of(s), byArticle.values());
    }

    /** What {@link #assign} would answer for a new {@code s}, without remembering it. */
    String storyByIndex(StorySignature s) {
        return bestStory(Indexed.of(s));
    }

    /** How many remembered articles the lookup for a new {@code s} compares it with. */
    int candidateCount(StorySignature s) {
        Indexed x = Indexed.of(s);
        return candidates.candidates(s, x.firstWords, x.lastWords, n -> byNumber[n] != null, numbered - 1).length;
    }

    private void remember(Indexed entry) {
        if (numbered == byNumber.length) {
            byNumber = Arrays.copyOf(byNumber, numbered * 2);
        }
        entry.number = numbered++;
        byNumber[entry.number] = entry;
        candidates.add(entry.number, entry.signature(), entry.firstWords, entry.lastWords);
    }

    /** Numbers the remembered articles afresh, in order, and files them again without the forgotten ones. */
    private void reindex() {
        candidates.clear();
        byNumber = new Indexed[Math.max(64, byArticle.size() * 2)];
        numbered = 0;
        byArticle.values().forEach(this::remember);
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
        return forget(Integer.MAX_VALUE, e -> e.signature().fetched() < cutoff);
    }

    /** Forgets up to {@code limit} remembered articles that {@code which} selects, earliest remembered first. */
    private int forget(int limit, java.util.function.Predicate<Indexed> which) {
        List<String> removed = new ArrayList<>();
        for (Iterator<Indexed> it = byArticle.values().iterator(); it.hasNext() && removed.size() < limit; ) {
            Indexed entry = it.next();
            if (which.test(entry)) {
                it.remove();
                byNumber[entry.number] = null;
                removed.add(entry.signature().articleId());
            }
        }
        // Forgotten articles stay filed (and are skipped) until they are the majority.
        if (!removed.isEmpty() && candidates.filed() > 2 * byArticle.size() + 1024) {
            reindex();
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
