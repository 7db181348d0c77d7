package io.newswatch.enrich.story;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.newswatch.enrich.nlp.Chars;
import io.newswatch.schemas.EnrichedArticle;
import io.newswatch.schemas.Entity;
import io.newswatch.schemas.EntityType;
import io.newswatch.schemas.RawArticle;

/** Computes {@link StorySignature}s from enriched articles. */
public final class StorySignatures {

    static final int HASHES = 64;
    static final int SHINGLE = 4;
    static final int MAX_TERMS = 30;
    static final int MAX_ENTITIES = 12;

    private static final int[] SEEDS = new int[HASHES];
    private static final Set<String> STOPWORDS = Set.copyOf(java.util.Arrays.asList(("a about above after again against all also am an and any "
            + "are as at be because been before being below between both but by can could did do does doing down "
            + "during each few for from further had has have having he her here hers herself him himself his how i "
            + "if in into is it its itself just me more most my no nor not now of off on once only or other our "
            + "ours out over own said same says she should so some such than that the their theirs them then there "
            + "these they this those through to too under until up very was we were what when where which while "
            + "who whom why will with would you your yours new one two three year years told also like may might "
            + "must us get got make made many much well even still back say according since last first time people "
            + "would could day week monday tuesday wednesday thursday friday saturday sunday today yesterday").split(" ")));

    static {
        // Fixed seeds: signatures must compare across restarts and instances.
        long x = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < HASHES; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            SEEDS[i] = (int) x;
        }
    }

    private StorySignatures() {
    }

    public static StorySignature of(EnrichedArticle enriched) {
        RawArticle a = enriched.getArticle();
        long published = a.getPublishedAt() != null ? a.getPublishedAt().toEpochMilli() : StorySignature.UNKNOWN;
        List<String> titleWords = words(a.getTitle());
        List<String> textWords = words(a.getText());
        List<String> all = new ArrayList<>(titleWords);
        all.addAll(textWords);
        return new StorySignature(a.getId(), enriched.getStoryId() == null ? a.getId() : enriched.getStoryId(), published,
                a.getFetchedAt().toEpochMilli(),
                minHash(all), terms(titleWords, textWords), entities(enriched.getEntities()));
    }

    static int[] minHash(List<String> words) {
        int[] min = new int[HASHES];
        Arrays.fill(min, Integer.MAX_VALUE);
        if (words.isEmpty()) {
            return min;
        }
        // Each word is hashed once, then combined into the hashes of the shingles it is part of.
        int[] wordHashes = new int[words.size()];
        for (int i = 0; i < wordHashes.length; i++) {
            wordHashes[i] = murmurUtf8(words.get(i));
        }
        int n = Math.max(1, words.size() - SHINGLE + 1);
        for (int i = 0; i < n; i++) {
            int h = 1;
            for (int j = i; j < Math.min(words.size(), i + SHINGLE); j++) {
                h = 31 * h + wordHashes[j];
            }
            for (int k = 0; k < HASHES; k++) {
                int v = mix(h ^ SEEDS[k]);
                if (v < min[k]) {
                    min[k] = v;
                }
            }
        }
        return min;
    }

    static Map<String, Float> terms(List<String> titleWords, List<String> textWords) {
        Map<String, double[]> tf = new HashMap<>();
        for (String w : titleWords) {
            if (isTerm(w)) {
                tf.computeIfAbsent(stem(w), k -> new double[1])[0] += 3.0;
            }
        }
        for (String w : textWords) {
            if (isTerm(w)) {
                tf.computeIfAbsent(stem(w), k -> new double[1])[0] += 1.0;
            }
        }
        List<Map.Entry<String, double[]>> sorted = new ArrayList<>(tf.entrySet());
        sorted.sort((x, y) -> {
            int byWeight = Double.compare(y.getValue()[0], x.getValue()[0]);
            return byWeight != 0 ? byWeight : x.getKey().compareTo(y.getKey());
        });
        List<Map.Entry<String, double[]>> top = sorted.subList(0, Math.min(MAX_TERMS, sorted.size()));
        // A stream's sum (compensated), as the stored weights were computed.
        double norm = Math.sqrt(top.stream().mapToDouble(e -> Math.pow(1 + Math.log(e.getValue()[0]), 2)).sum());
        Map<String, Float> terms = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : top) {
            terms.put(e.getKey(), (float) ((1 + Math.log(e.getValue()[0])) / norm));
        }
        return terms;
    }

    static Set<String> entities(List<Entity> entities) {
        Set<String> keys = new LinkedHashSet<>();
        entities.stream()
                .filter(e -> e.getType() != EntityType.MISC)
                .sorted(Comparator.comparingDouble(Entity::getSalience).reversed())
                .limit(MAX_ENTITIES)
                .forEach(e -> keys.add(e.getName().toLowerCase(Locale.ROOT)));
        return keys;
    }

    /** The runs of letters and digits of {@code text}, lower-cased. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            if (Chars.isLetterOrNumber(cp)) {
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0) {
                words.add(lower.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            words.add(lower.substring(start));
        }
        return words;
    }

    private static boolean isTerm(String w) {
        return w.length() > 2 && !STOPWORDS.contains(w) && !Character.isDigit(w.charAt(0));
    }

    /** Crude plural folding: enough for "attack"/"attacks", "terrorist"/"terrorists". */
    static String stem(String w) {
        if (w.length() > 4 && w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    /**
     * The hash of the UTF-8 bytes of {@code word}, encoded on the fly (signatures are stored, so the
     * hash must stay what it was when it hashed {@code getBytes(UTF_8)}).
     */
    static int murmurUtf8(String word) {
        int h = 0x1b873593;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c < 0x80) {
                h = step(h, c);
            } else if (c < 0x800) {
                h = step(h, 0xC0 | c >> 6);
                h = step(h, 0x80 | c & 0x3F);
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < word.length() && Character.isLowSurrogate(word.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, word.charAt(++i));
                    h = step(h, 0xF0 | cp >> 18);
                    h = step(h, 0x80 | cp >> 12 & 0x3F);
                    h = step(h, 0x80 | cp >> 6 & 0x3F);
                    h = step(h, 0x80 | cp & 0x3F);
                } else {
                    h = step(h, '?'); // what the encoder writes for a lone surrogate
                }
            } else {
                h = step(h, 0xE0 | c >> 12);
                h = step(h, 0x80 | c >> 6 & 0x3F);
                h = step(h, 0x80 | c & 0x3F);
            }
        }
        return mix(h);
    }

    /** One byte into the hash; the byte is signed, as it was when read from a byte array. */
    private static int step(int h, int unsignedByte) {
        h ^= (byte) unsignedByte;
        h *= 0x5bd1e995;
        return h ^ h >>> 15;
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
