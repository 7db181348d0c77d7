package io.newswatch.enrich.nlp;

/** A name found in a text: its model type (e.g. PER, ORG, LOC, MISC) and UTF-16 offsets. */
public record NameMention(String type, int start, int end, String text) {
}
