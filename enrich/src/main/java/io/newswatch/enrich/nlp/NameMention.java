package io.newswatch.enrich.nlp;

/**
 * A name found in a text: its model type (e.g. PER, ORG, LOC, MISC), UTF-16 offsets and the
 * model's probability for it.
 */
public record NameMention(String type, int start, int end, String text, double probability) {

    public NameMention(String type, int start, int end, String text) {
        this(type, start, end, text, 1.0);
    }
}
