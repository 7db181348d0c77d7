package io.newswatch.alerts.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Words ranked by frequency in English Wikipedia (30,000 words) and common first names and
 * surnames, from the word lists of the zxcvbn password-strength library, with Zipf's law
 * (frequency proportional to 1/rank) turning ranks into a frequency distribution.
 */
final class Vocabulary {

    private static final String DICTIONARIES = "/com/nulabinc/zxcvbn/matchers/dictionaries/";

    final List<String> words;
    final List<String> firstNames;
    final List<String> surnames;
    private final double[] cumulative;

    Vocabulary() {
        this.words = read("english_wikipedia.txt").stream().filter(w -> w.chars().allMatch(Character::isLetter)).toList();
        List<String> first = new ArrayList<>(read("male_names.txt"));
        first.addAll(read("female_names.txt"));
        this.firstNames = first;
        this.surnames = read("surnames.txt");
        cumulative = new double[words.size()];
        double sum = 0;
        for (int i = 0; i < words.size(); i++) {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
    }

    /** A word drawn with Zipf frequency among ranks [from, to). */
    String zipf(Random random, int from, int to) {
        double lo = from == 0 ? 0 : cumulative[from - 1];
        double x = lo + random.nextDouble() * (cumulative[to - 1] - lo);
        int i = java.util.Arrays.binarySearch(cumulative, from, to, x);
        return words.get(i >= 0 ? i : Math.min(to - 1, -i - 1));
    }

    String any(Random random, List<String> list) {
        return list.get(random.nextInt(list.size()));
    }

    static String capitalise(String w) {
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
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
