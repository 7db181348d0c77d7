package io.newswatch.enrich.nlp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import opennlp.tools.langdetect.LanguageDetectorFactory;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.ArrayMath;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.util.normalizer.AggregateCharSequenceNormalizer;
import opennlp.tools.util.normalizer.CharSequenceNormalizer;
import opennlp.tools.util.normalizer.EmojiCharSequenceNormalizer;
import opennlp.tools.util.normalizer.NumberCharSequenceNormalizer;
import opennlp.tools.util.normalizer.ShrinkCharSequenceNormalizer;
import opennlp.tools.util.normalizer.TwitterCharSequenceNormalizer;
import opennlp.tools.util.normalizer.UrlCharSequenceNormalizer;

/**
 * The best language of a text with a model of the standard OpenNLP language detector: the same
 * normalisation, the same distinct 1–3 character grams and the same evaluation as
 * {@code LanguageDetectorME.predictLanguage}, without its per-call map of char buffers, a string
 * per gram, or sorting all languages (only the best is wanted): grams are packed into numbers and
 * looked up in a flat table of the model's parameters built once. Thread-safe.
 */
final class CharGramLanguageDetector {

    private static final int MIN_GRAM = 1;
    private static final int MAX_GRAM = 3;

    /** The normalisers of {@link LanguageDetectorFactory#getContextGenerator()}, in its order. */
    private static final CharSequenceNormalizer NORMALIZER = new AggregateCharSequenceNormalizer(
            EmojiCharSequenceNormalizer.getInstance(), UrlCharSequenceNormalizer.getInstance(),
            TwitterCharSequenceNormalizer.getInstance(), NumberCharSequenceNormalizer.getInstance(),
            ShrinkCharSequenceNormalizer.getInstance());

    private final String[] outcomes;
    /** The log of the uniform prior the model starts every evaluation from. */
    private final double logPrior;
    /** The model's parameters by gram: keys as {@link #key}, open addressing. */
    private final long[] keys;
    private final Context[] parameters;

    private CharGramLanguageDetector(GISModel model) {
        outcomes = new String[model.getNumOutcomes()];
        for (int i = 0; i < outcomes.length; i++) {
            outcomes[i] = model.getOutcome(i);
        }
        logPrior = StrictMath.log(1.0 / outcomes.length);
        @SuppressWarnings("unchecked")
        Map<String, Context> byGram = (Map<String, Context>) model.getDataStructures()[1];
        keys = new long[Integer.highestOneBit(Math.max(16, byGram.size() * 2)) << 1];
        parameters = new Context[keys.length];
        for (Map.Entry<String, Context> e : byGram.entrySet()) {
            String gram = e.getKey();
            if (gram.length() >= MIN_GRAM && gram.length() <= MAX_GRAM) {
                int slot = slot(keys, key(gram.toCharArray(), 0, gram.length()));
                keys[slot] = key(gram.toCharArray(), 0, gram.length());
                parameters[slot] = e.getValue();
            }
        }
    }

    /** A detector for {@code model}, or null when the model is not the standard detector's kind. */
    static CharGramLanguageDetector forModel(LanguageDetectorModel model) {
        return model.getFactory().getClass() == LanguageDetectorFactory.class
                && model.getMaxentModel().getClass() == GISModel.class
                ? new CharGramLanguageDetector((GISModel) model.getMaxentModel()) : null;
    }

    /**
     * As the model evaluates the distinct grams of the text (each with value 1): the uniform prior
     * plus the parameters of every known gram, then normalised.
     */
    LanguageGuess predict(CharSequence text) {
        char[] chars = lowerCased(NORMALIZER.normalize(text));
        List<Context> found = new ArrayList<>();
        long[] seen = new long[Integer.highestOneBit(Math.max(16, chars.length * MAX_GRAM * 2)) << 1];
        for (int length = MIN_GRAM; length <= MAX_GRAM; length++) {
            for (int start = 0; start + length <= chars.length; start++) {
                long key = key(chars, start, length);
                if (add(seen, key)) {
                    int slot = slot(keys, key);
                    if (keys[slot] == key) {
                        found.add(parameters[slot]);
                    }
                }
            }
        }
        double[] scores = new double[outcomes.length];
        Arrays.fill(scores, logPrior);
        ArrayMath.sumFeatures(found.toArray(new Context[0]), null, scores);
        double normal = 0.0;
        for (int i = 0; i < scores.length; i++) {
            scores[i] = StrictMath.exp(scores[i]);
            normal += scores[i];
        }
        for (int i = 0; i < scores.length; i++) {
            scores[i] /= normal;
        }
        int best = 0;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        return new LanguageGuess(outcomes[best], scores[best]);
    }

    /** The distinct grams of the normalised, lower-cased text, as the detector's n-gram model collects them. */
    static String[] gramsOf(CharSequence text) {
        char[] chars = lowerCased(NORMALIZER.normalize(text));
        List<String> grams = new ArrayList<>(chars.length * 2);
        long[] seen = new long[Integer.highestOneBit(Math.max(16, chars.length * MAX_GRAM * 2)) << 1];
        for (int length = MIN_GRAM; length <= MAX_GRAM; length++) {
            for (int start = 0; start + length <= chars.length; start++) {
                if (add(seen, key(chars, start, length))) {
                    grams.add(new String(chars, start, length));
                }
            }
        }
        return grams.toArray(new String[0]);
    }

    /** Lower-cased per code point into a buffer of the original length, as OpenNLP does. */
    private static char[] lowerCased(CharSequence normalized) {
        char[] chars = new char[normalized.length()];
        int at = 0;
        for (int i = 0; i < normalized.length(); ) {
            int cp = Character.codePointAt(normalized, i);
            i += Character.charCount(cp);
            for (char c : Character.toChars(Character.toLowerCase(cp))) {
                if (at < chars.length) {
                    chars[at++] = c;
                }
            }
        }
        return chars;
    }

    /** A gram of up to three chars as one number (never 0: the length is part of it). */
    private static long key(char[] chars, int start, int length) {
        long key = length;
        for (int i = 0; i < length; i++) {
            key = key << 16 | chars[start + i];
        }
        return key;
    }

    /** Adds {@code key} to an open-addressing set; whether it was new. */
    private static boolean add(long[] table, long key) {
        int slot = slot(table, key);
        if (table[slot] == key) {
            return false;
        }
        table[slot] = key;
        return true;
    }

    /** The slot of {@code key} in an open-addressing table: where it is, or the free one where it would go. */
    private static int slot(long[] table, long key) {
        int mask = table.length - 1;
        int slot = (int) (mix(key) & mask);
        while (table[slot] != 0 && table[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        return x ^ x >>> 33;
    }
}
