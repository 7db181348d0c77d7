package io.newswatch.enrich.nlp;

/** A detected language: ISO 639-3 code (e.g. {@code eng}) and confidence 0..1; {@code und} if unknown. */
public record LanguageGuess(String code, double confidence) {

    public static final LanguageGuess UNKNOWN = new LanguageGuess("und", 0.0);
}
