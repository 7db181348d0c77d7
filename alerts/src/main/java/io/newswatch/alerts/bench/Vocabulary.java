package io.newswatch.alerts.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A broad English vocabulary with a frequency distribution: the 30,000 most frequent words of
 * English Wikipedia, merged with the spoken-English words of US television and film subtitles
 * (ranked three times lower, as news text quotes speech but is mostly written prose), both from
 * the zxcvbn password-strength library, with Zipf's law (frequency proportional to 1/rank). Also
 * common first names and surnames for people.
 */
final class Vocabulary {

    private static final String DICTIONARIES = "/com/nulabinc/zxcvbn/matchers/dictionaries/";
    /** Spoken words are this much rarer in news than in subtitles. */
    private static final int SPOKEN_RANK_FACTOR = 3;

    /** Words by rank, most frequent first. */
    final List<String> words;
    final List<String> firstNames;
    final List<String> surnames;
    private final double[] cumulative;

    Vocabulary() {
        Map<String, Double> ranks = new LinkedHashMap<>();
        List<String> wiki = letters(read("english_wikipedia.txt"));
        for (int i = 0; i < wiki.size(); i++) {
            ranks.merge(wiki.get(i), (double) i + 1, Math::min);
        }
        List<String> spoken = letters(read("us_tv_and_film.txt"));
        for (int i = 0; i < spoken.size(); i++) {
            ranks.merge(spoken.get(i), (double) (i + 1) * SPOKEN_RANK_FACTOR + 0.5, Math::min);
        }
        String[] byRank = ranks.keySet().toArray(String[]::new);
        Arrays.sort(byRank, (a, b) -> Double.compare(ranks.get(a), ranks.get(b)));
        this.words = List.of(byRank);
        List<String> first = new ArrayList<>(letters(read("male_names.txt")));
        first.addAll(letters(read("female_names.txt")));
        this.firstNames = first;
        this.surnames = letters(read("surnames.txt"));
        cumulative = new double[words.size()];
        double sum = 0;
        for (int i = 0; i < words.size(); i++) {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
    }

    int size() {
        return words.size();
    }

    /** A word drawn with Zipf frequency among ranks [from, to). */
    String zipf(Random random, int from, int to) {
        return words.get(zipfRank(random, from, to));
    }

    /** A rank in [from, to) drawn with Zipf frequency. */
    int zipfRank(Random random, int from, int to) {
        double lo = from == 0 ? 0 : cumulative[from - 1];
        double x = lo + random.nextDouble() * (cumulative[to - 1] - lo);
        int i = Arrays.binarySearch(cumulative, from, to, x);
        return i >= 0 ? i : Math.min(to - 1, -i - 1);
    }

    /** An index in [0, n) drawn with Zipf frequency (index 0 the most popular). */
    static int zipfIndex(Random random, double[] cumulative) {
        double x = random.nextDouble() * cumulative[cumulative.length - 1];
        int i = Arrays.binarySearch(cumulative, x);
        return i >= 0 ? i : Math.min(cumulative.length - 1, -i - 1);
    }

    /** Running sums of 1/rank for {@code n} ranks, for {@link #zipfIndex}. */
    static double[] zipfTable(int n) {
        double[] c = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1.0 / (i + 1);
            c[i] = sum;
        }
        return c;
    }

    String any(Random random, List<String> list) {
        return list.get(random.nextInt(list.size()));
    }

    static String capitalise(String w) {
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    private static List<String> letters(List<String> lines) {
        return lines.stream().map(l -> l.toLowerCase(Locale.ROOT))
                .filter(w -> w.length() > 1 && w.chars().allMatch(Character::isLetter)).distinct().toList();
    }

    private static List<String> read(String name) {
        try (InputStream in = Vocabulary.class.getResourceAsStream(DICTIONARIES + name)) {
            if (in == null) {
                throw new IllegalStateException("word list " + name + " not on the class path (zxcvbn jar)");
            }
            List<String> lines = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    lines.add(line.trim());
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
