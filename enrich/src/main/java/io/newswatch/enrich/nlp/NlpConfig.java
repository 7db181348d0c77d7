package io.newswatch.enrich.nlp;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the NLP stage loads.
 *
 * @param englishNer   the English name finder
 * @param otherNer     name finder model files for other languages, by ISO 639-3 code (e.g. {@code deu})
 * @param maxChars     longer texts are cut to this many characters (flag {@code TRUNCATED})
 */
public record NlpConfig(NerModelChoice englishNer, Map<String, Path> otherNer, int maxChars) {

    public static final int DEFAULT_MAX_CHARS = 100_000;

    public static NlpConfig defaults() {
        return new NlpConfig(NerModelChoice.FAST, Map.of(), DEFAULT_MAX_CHARS);
    }

    public NlpConfig withEnglishNer(NerModelChoice choice) {
        return new NlpConfig(choice, otherNer, maxChars);
    }
}
