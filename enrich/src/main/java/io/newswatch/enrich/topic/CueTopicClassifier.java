package io.newswatch.enrich.topic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.newswatch.enrich.nlp.Chars;
import io.newswatch.schemas.Topic;

/**
 * Scores each topic of a {@link Taxonomy} by its cues found in the article. Each cue adds
 * {@code weight × log2(1 + hits)} (title hits count double), so one repeated word cannot carry a
 * topic alone; the sum is normalised for article length and mapped to 0..1 with
 * {@code 1 − e^(−sum/SCALE)}.
 */
public final class CueTopicClassifier implements TopicClassifier {

    /** Sum of cue weights at which a topic scores about 0.63. */
    static final double SCALE = 6.0;

    private record Cue(int topic, String[] words, boolean prefix, double weight) {
    }

    private final Taxonomy taxonomy;
    /** Cues by their first word (exact words). */
    private final Map<String, List<Cue>> exact = new HashMap<>();
    /** Prefix cues by the first three letters of their first word. */
    private final Map<String, List<Cue>> prefixes = new HashMap<>();

    public CueTopicClassifier(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        for (int i = 0; i < taxonomy.topics().size(); i++) {
            for (Map.Entry<String, Double> e : taxonomy.topics().get(i).cues().entrySet()) {
                String cue = e.getKey().toLowerCase(Locale.ROOT);
                boolean prefix = cue.endsWith("*");
                String[] words = (prefix ? cue.substring(0, cue.length() - 1) : cue).strip().split("\\s+");
                Cue c = new Cue(i, words, prefix, e.getValue());
                if (prefix && words.length == 1) {
                    prefixes.computeIfAbsent(head(words[0]), k -> new ArrayList<>()).add(c);
                } else {
                    exact.computeIfAbsent(words[0], k -> new ArrayList<>()).add(c);
                }
            }
        }
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    @Override
    public List<Topic> classify(String title, String text) {
        double[] sums = evidence(title, text);
        List<Topic> topics = new ArrayList<>();
        for (int i = 0; i < sums.length; i++) {
            double score = 1 - Math.exp(-sums[i] / SCALE);
            if (score >= taxonomy.threshold()) {
                Taxonomy.TopicDefinition def = taxonomy.topics().get(i);
                topics.add(new Topic(def.code(), def.label(), Math.round(score * 1000) / 1000.0));
            }
        }
        topics.sort(Comparator.comparingDouble(Topic::getScore).reversed());
        return topics.size() > taxonomy.topK() ? List.copyOf(topics.subList(0, taxonomy.topK())) : topics;
    }

    /**
     * The cue evidence for each topic of the taxonomy, in its order: the sum of
     * {@code weight × log2(1 + hits)} over the topic's cues, damped for long articles.
     */
    public double[] evidence(String title, String text) {
        List<String> titleWords = words(title);
        List<String> textWords = words(text);
        Map<Cue, Integer> hits = new HashMap<>();
        count(titleWords, 2, hits);
        count(textWords, 1, hits);
        double[] sums = new double[taxonomy.topics().size()];
        for (Map.Entry<Cue, Integer> e : hits.entrySet()) {
            sums[e.getKey().topic()] += e.getKey().weight() * log2(1 + e.getValue());
        }
        // Longer articles find more cues by chance: damp by the square root of length beyond 300 words.
        double lengthFactor = Math.sqrt(Math.max(1.0, (titleWords.size() + textWords.size()) / 300.0));
        for (int i = 0; i < sums.length; i++) {
            sums[i] /= lengthFactor;
        }
        return sums;
    }

    private void count(List<String> words, int weight, Map<Cue, Integer> hits) {
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            List<Cue> candidates = exact.get(w);
            if (candidates != null) {
                for (Cue c : candidates) {
                    if (matchesFrom(words, i, c)) {
                        hits.merge(c, weight, Integer::sum);
                    }
                }
            }
            if (w.length() >= 3) {
                List<Cue> pre = prefixes.get(head(w));
                if (pre != null) {
                    for (Cue c : pre) {
                        if (w.startsWith(c.words()[0])) {
                            hits.merge(c, weight, Integer::sum);
                        }
                    }
                }
            }
        }
    }

    private static boolean matchesFrom(List<String> words, int i, Cue c) {
        if (i + c.words().length > words.size()) {
            return false;
        }
        for (int j = 1; j < c.words().length; j++) {
            String w = words.get(i + j);
            boolean last = j == c.words().length - 1;
            if (!(w.equals(c.words()[j]) || last && c.prefix() && w.startsWith(c.words()[j]))) {
                return false;
            }
        }
        return true;
    }

    private static String head(String word) {
        return word.length() <= 3 ? word : word.substring(0, 3);
    }

    /**
     * The words of {@code text}, lower-cased: a letter or number, then letters, numbers, apostrophes,
     * dots and hyphens, ending on a letter or number ("don't", "u.s", "covid-19"); typographic
     * apostrophes become plain ones.
     */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < lower.length()) {
            int cp = lower.codePointAt(i);
            if (!Chars.isLetterOrNumber(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            int end = i + Character.charCount(cp);
            int j = end;
            while (j < lower.length()) {
                int c = lower.codePointAt(j);
                if (Chars.isLetterOrNumber(c)) {
                    j += Character.charCount(c);
                    end = j;
                } else if (c == '\'' || c == '’' || c == '.' || c == '-') {
                    j++;
                } else {
                    break;
                }
            }
            String word = lower.substring(start, end);
            words.add(word.indexOf('’') >= 0 ? word.replace('’', '\'') : word);
            // Joining characters after the last letter or number belong to no word.
            i = end;
        }
        return words;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
