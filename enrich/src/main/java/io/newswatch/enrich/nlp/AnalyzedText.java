package io.newswatch.enrich.nlp;

import java.util.List;

import opennlp.tools.util.Span;

/** A text split into sentences and tokens; all spans are UTF-16 offsets into the text. */
public record AnalyzedText(String text, List<Sentence> sentences) {

    public record Sentence(Span span, Span[] tokenSpans, String[] tokens) {
    }

    public int tokenCount() {
        int n = 0;
        for (Sentence s : sentences) {
            n += s.tokens().length;
        }
        return n;
    }
}
