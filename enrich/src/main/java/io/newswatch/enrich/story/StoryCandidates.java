package io.newswatch.enrich.story;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * Which remembered articles can be of the same story as a new one, without looking at all of them.
 * Articles are numbered in the order they were first remembered; each is filed under
 * <ul>
 *   <li>rows of its MinHash ({@code row, value}): LSH with bands of one row. The copy rule needs
 *       {@link #AGREEING} agreeing rows of 64 (estimate ≥ 0.3), so any {@link #BANDS} rows hold one
 *       of them: a pair the rule can accept always shares a band. For a true Jaccard of 0.3 the
 *       chance of a collision is 1 − 0.7<sup>45</sup> ≈ 1 − 1.1·10<sup>−7</sup>; bands of several
 *       rows would lose pairs the exact rule accepts. Signatures of another length or with empty
 *       rows are filed under all their rows (see {@link #rows});</li>
 *   <li>the hash of the first word and of the last word of each main entity: the entity rule only
 *       counts entities that share one of these with the other article's, and needs two of them,
 *       so an article is a candidate through entities only when two of the new article's entities
 *       hit it.</li>
 * </ul>
 * Keys are 32-bit hashes of (kind, value): two keys that hash alike only add candidates, which the
 * exact rule then rejects. A name in a large share of the news ("Trump", "Reuters") would make the
 * entity keys' postings, and the articles they make candidates, grow with the window; so only the
 * newest {@link #ENTITY_POSTINGS_READ} postings of an entity key are read, and of the articles
 * found through entities only the newest {@link #ENTITY_CANDIDATES} are returned (articles of the
 * same story arrive close together). Articles found through a MinHash row (copies) are always
 * returned. Postings are kept in flat arrays (no object per posting). Forgotten articles are
 * skipped when read and dropped when the owner rebuilds, once they are the majority.
 */
final class StoryCandidates {

    private static final int FIRST_WORD = 0;
    private static final int LAST_WORD = 1;
    private static final int MINHASH_ROW = 2;
    private static final int NONE = -1;
    /** Postings read per entity key: the newest ones. */
    static final int ENTITY_POSTINGS_READ = 5_000;
    /** Articles found through entities (not through a MinHash row) returned per lookup: the newest ones. */
    static final int ENTITY_CANDIDATES = 2_000;
    /** The fewest agreeing rows of a full MinHash that the copy rule accepts (20). */
    static final int AGREEING = fewestAgreeing();
    /** How many rows of a full MinHash are filed and looked up (45): any that many hold an agreeing one. */
    static final int BANDS = StorySignatures.HASHES - AGREEING + 1;

    /** Open addressing: key → index of the newest posting ({@link #NONE}: free slot). */
    private int[] keys = new int[1 << 10];
    private int[] heads = newHeads(1 << 10);
    private int keyCount;
    private int filed;

    /** Postings: article number and the next (older) posting of the same key. */
    private int[] articles = new int[1 << 10];
    private int[] next = new int[1 << 10];
    private int postings;

    /**
     * Per article number, side by side (one cache line): the query that last saw it (so the others
     * need no clearing), its hits in that query and the last entity of the query that hit it.
     */
    private int[] state = new int[0];
    private int stamp;
    private int[] found = new int[64];
    private int count;

    /** Files article {@code number} (numbers grow with each call) under its keys. */
    void add(int number, StorySignature s, int[] firstWords, int[] lastWords) {
        filed++;
        int[] minHash = s.minHash();
        for (int row = 0, n = rows(minHash); row < n; row++) {
            // Rows without any shingle never count as agreeing.
            if (minHash[row] != Integer.MAX_VALUE) {
                post(key(MINHASH_ROW + row, minHash[row]), number);
            }
        }
        for (int w = 0; w < firstWords.length; w++) {
            post(key(FIRST_WORD, firstWords[w]), number);
            post(key(LAST_WORD, lastWords[w]), number);
        }
    }

    /** Articles filed since the last {@link #clear}, forgotten ones included. */
    int filed() {
        return filed;
    }

    void clear() {
        Arrays.fill(heads, NONE);
        keyCount = 0;
        postings = 0;
        filed = 0;
    }

    /**
     * The numbers, ascending and distinct, of the articles for which {@code live} holds and that
     * share a MinHash row with {@code s}, or the first or last word of at least two of its entities
     * (counted per entity of {@code s}, as the entity rule's bound counts them).
     */
    int[] candidates(StorySignature s, int[] firstWords, int[] lastWords, IntPredicate live, int maxNumber) {
        if (state.length <= 3 * maxNumber + 2) {
            state = new int[3 * Math.max(maxNumber + 1, state.length / 3 * 2)];
            stamp = 0;
        }
        if (++stamp == Integer.MAX_VALUE) {
            Arrays.fill(state, 0);
            stamp = 1;
        }
        count = 0;
        int[] minHash = s.minHash();
        for (int row = 0, n = rows(minHash); row < n; row++) {
            if (minHash[row] != Integer.MAX_VALUE) {
                collect(key(MINHASH_ROW + row, minHash[row]), -1, live);
            }
        }
        int copies = count;
        for (int w = 0; w < firstWords.length; w++) {
            collect(key(FIRST_WORD, firstWords[w]), w, live);
            collect(key(LAST_WORD, lastWords[w]), w, live);
        }
        if (count - copies > ENTITY_CANDIDATES) {
            // Keep the copies and the newest of those found through entities.
            Arrays.sort(found, copies, count);
            System.arraycopy(found, count - ENTITY_CANDIDATES, found, copies, ENTITY_CANDIDATES);
            count = copies + ENTITY_CANDIDATES;
        }
        int[] result = Arrays.copyOf(found, count);
        Arrays.sort(result);
        return result;
    }

    /** Counts the postings of {@code key} as hits of entity {@code entity} of the query (-1: a MinHash row, enough alone). */
    private void collect(int key, int entity, IntPredicate live) {
        int left = entity < 0 ? Integer.MAX_VALUE : ENTITY_POSTINGS_READ;
        for (int p = heads[find(key)]; p != NONE && left-- > 0; p = next[p]) {
            int a = articles[p];
            int at = 3 * a;
            if (state[at] != stamp) {
                state[at] = stamp;
                state[at + 1] = 0;
                state[at + 2] = -1;
            } else if (state[at + 1] >= 2 || entity >= 0 && state[at + 2] == entity) {
                continue;
            }
            int hits = entity < 0 ? 2 : state[at + 1] + 1;
            state[at + 1] = hits;
            state[at + 2] = entity;
            if (hits >= 2 && live.test(a)) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, count * 2);
                }
                found[count++] = a;
            }
        }
    }

    /**
     * How many leading rows of {@code minHash} to file and look up: {@link #BANDS} for a full
     * MinHash (64 rows, none empty), else all. A pair of which one is not full is compared on fewer
     * rows or on rows that cannot agree; its agreeing rows still fall within the first
     * {@link #BANDS} rows of the full one or within the rows of the other.
     */
    static int rows(int[] minHash) {
        if (minHash.length != StorySignatures.HASHES) {
            return minHash.length;
        }
        for (int h : minHash) {
            if (h == Integer.MAX_VALUE) {
                return minHash.length;
            }
        }
        return BANDS;
    }

    private static int fewestAgreeing() {
        int rows = 1;
        while ((double) rows / StorySignatures.HASHES < StoryIndex.COPY_JACCARD) {
            rows++;
        }
        return rows;
    }

    private static int key(int kind, int value) {
        int h = value * 0x9E3779B9 + kind * 0x85EBCA6B;
        h ^= h >>> 16;
        h *= 0x7FEB352D;
        h ^= h >>> 15;
        return h;
    }

    private static int[] newHeads(int size) {
        int[] heads = new int[size];
        Arrays.fill(heads, NONE);
        return heads;
    }

    private void post(int key, int number) {
        if (postings == articles.length) {
            articles = Arrays.copyOf(articles, postings * 2);
            next = Arrays.copyOf(next, postings * 2);
        }
        int slot = find(key);
        if (heads[slot] == NONE) {
            keys[slot] = key;
            keyCount++;
        }
        articles[postings] = number;
        next[postings] = heads[slot];
        heads[slot] = postings;
        postings++;
        if (keyCount * 4 > keys.length * 3) {
            growKeys();
        }
    }

    /** The slot of {@code key}, or the free slot where it goes. */
    private int find(int key) {
        int mask = keys.length - 1;
        int slot = key & mask;
        while (heads[slot] != NONE && keys[slot] != key) {
            slot = slot + 1 & mask;
        }
        return slot;
    }

    private void growKeys() {
        int[] oldKeys = keys;
        int[] oldHeads = heads;
        keys = new int[oldKeys.length * 2];
        heads = newHeads(oldKeys.length * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldHeads[i] != NONE) {
                int slot = find(oldKeys[i]);
                keys[slot] = oldKeys[i];
                heads[slot] = oldHeads[i];
            }
        }
    }
}
