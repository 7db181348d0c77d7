package io.newswatch.enrich.story;

import java.time.Duration;
import java.util.ArrayList;
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
    private final Map<String, StorySignature> byArticle = new LinkedHashMap<>();
    private long maxTime = Long.MIN_VALUE;

    public StoryIndex(Duration window, Backing backing) {
        this.window = window;
        this.backing = backing;
    }

    /** Adds a signature restored from the backing store, without writing it back. */
    public void restore(StorySignature s) {
        byArticle.put(s.articleId(), s);
        maxTime = Math.max(maxTime, s.fetched());
    }

    public int size() {
        return byArticle.size();
    }

    /** The story id for {@code s}; remembers it. Re-assigning a known article returns its story. */
    public String assign(StorySignature s) {
        StorySignature known = byArticle.get(s.articleId());
        if (known != null) {
            return known.storyId();
        }
        String storyId = s.articleId();
        double best = 0;
        for (StorySignature c : byArticle.values()) {
            if (c.distanceMillis(s) > window.toMillis()) {
                continue;
            }
            Similarity sim = similarity(s, c);
            if (sim.sameStory() && sim.score() > best) {
                best = sim.score();
                storyId = c.storyId();
            }
        }
        StorySignature stored = s.withStoryId(storyId);
        byArticle.put(s.articleId(), stored);
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
        for (Iterator<StorySignature> it = byArticle.values().iterator(); it.hasNext(); ) {
            StorySignature s = it.next();
            if (s.fetched() < cutoff) {
                it.remove();
                removed.add(s.articleId());
            }
        }
        removed.forEach(backing::delete);
        return removed.size();
    }

    public static Similarity similarity(StorySignature a, StorySignature b) {
        int same = 0;
        int valid = 0;
        for (int i = 0; i < a.minHash().length && i < b.minHash().length; i++) {
            if (a.minHash()[i] != Integer.MAX_VALUE || b.minHash()[i] != Integer.MAX_VALUE) {
                valid++;
                if (a.minHash()[i] == b.minHash()[i]) {
                    same++;
                }
            }
        }
        double jaccard = valid == 0 ? 0 : (double) same / valid;
        double cosine = 0;
        for (Map.Entry<String, Float> t : a.terms().entrySet()) {
            Float w = b.terms().get(t.getKey());
            if (w != null) {
                cosine += t.getValue() * w;
            }
        }
        int shared = 0;
        for (String e : a.entities()) {
            if (b.entities().contains(e) || containsPart(b.entities(), e)) {
                shared++;
            }
        }
        int smaller = Math.min(a.entities().size(), b.entities().size());
        double overlap = smaller == 0 ? 0 : Math.min(1.0, (double) shared / smaller);
        return new Similarity(jaccard, cosine, overlap, shared);
    }

    /** "masood" in one article and "khalid masood" in the other are the same entity. */
    private static boolean containsPart(Set<String> names, String name) {
        for (String n : names) {
            if (n.length() > name.length() ? n.endsWith(" " + name) || n.startsWith(name + " ")
                    : name.endsWith(" " + n) || name.startsWith(n + " ")) {
                return true;
            }
        }
        return false;
    }
}
