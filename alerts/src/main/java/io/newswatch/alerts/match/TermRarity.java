package io.newswatch.alerts.match;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Estimates how likely an article is to contain a word (its document frequency), so that a
 * watch-list is filed under its rarest required word: "people AND zeppelin" is filed under
 * "zeppelin". The estimate comes from the ranked word lists shipped with the zxcvbn library
 * (English Wikipedia, US television and film subtitles, common passwords, US surnames and first
 * names; each word appears in the list where it ranks best, so its best rank is a conservative
 * estimate of its rank in English text), with Zipf's law (a word's share of all tokens is
 * proportional to 1/rank) and an article of {@link #ARTICLE_TOKENS} tokens. Words in no list are
 * taken to be rarer than any listed one. Only the order of the estimates matters.
 */
final class TermRarity {

    /** Typical article length in tokens. */
    static final int ARTICLE_TOKENS = 500;
    /** Named entities are specific: most articles do not mention a given person or organisation. */
    static final double ENTITY = 0.002;
    /** An article carries one to three of a few dozen topic codes. */
    static final double TOPIC = 0.15;

    private static final String DICTIONARIES = "/com/nulabinc/zxcvbn/matchers/dictionaries/";
    private static final List<String> LISTS = List.of("english_wikipedia.txt", "us_tv_and_film.txt", "passwords.txt",
            "surnames.txt", "male_names.txt", "female_names.txt");

    /** Words in sorted order, and the running sum of their token shares in that order (for prefixes). */
    private final String[] sorted;
    private final double[] share;
    private final double[] cumulative;
    private final double unknownShare;

    private TermRarity(Map<String, Integer> ranks) {
        int n = ranks.size();
        double harmonic = 0;
        for (int r = 1; r <= 30_000; r++) {
            harmonic += 1.0 / r;
        }
        sorted = ranks.keySet().toArray(String[]::new);
        Arrays.sort(sorted);
        share = new double[n];
        cumulative = new double[n + 1];
        for (int i = 0; i < n; i++) {
            share[i] = 1.0 / (ranks.get(sorted[i]) * harmonic);
            cumulative[i + 1] = cumulative[i] + share[i];
        }
        unknownShare = 1.0 / (2.0 * 100_000 * harmonic);
    }

    static TermRarity english() {
        return Holder.ENGLISH;
    }

    /** Probability that an article contains {@code word} (an analysed, lower-case token). */
    double word(String word) {
        int i = Arrays.binarySearch(sorted, word);
        return inArticle(i >= 0 ? share[i] : unknownShare);
    }

    /** Probability that an article contains a word starting with {@code prefix}. */
    double prefix(String prefix) {
        int from = lowerBound(prefix);
        int to = lowerBound(prefix + Character.MAX_VALUE);
        return inArticle(unknownShare + cumulative[to] - cumulative[from]);
    }

    private int lowerBound(String key) {
        int i = Arrays.binarySearch(sorted, key);
        return i >= 0 ? i : -i - 1;
    }

    private static double inArticle(double tokenShare) {
        return 1 - Math.exp(-ARTICLE_TOKENS * tokenShare);
    }

    private static final class Holder {
        static final TermRarity ENGLISH = new TermRarity(read());

        private static Map<String, Integer> read() {
            Map<String, Integer> ranks = new HashMap<>(120_000);
            for (String list : LISTS) {
                try (InputStream in = TermRarity.class.getResourceAsStream(DICTIONARIES + list)) {
                    if (in == null) {
                        throw new IllegalStateException("word list " + list + " is not on the class path (zxcvbn jar)");
                    }
                    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                    int rank = 0;
                    String line;
                    while ((line = r.readLine()) != null) {
                        String w = line.trim().toLowerCase(Locale.ROOT);
                        if (!w.isEmpty() && w.chars().allMatch(Character::isLetter)) {
                            ranks.merge(w, ++rank, Math::min);
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return ranks;
        }
    }
}
