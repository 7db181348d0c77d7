package io.newswatch.articles;

/** Turns an HTML document or fragment into clean text; paragraphs separated by blank lines. */
@FunctionalInterface
public interface HtmlText {

    String text(String html, String baseUrl);
}
