package io.newswatch.articles.extract;

import java.time.Instant;
import java.util.List;

/**
 * What was found in one article page. Fields the page does not state are {@code null} (or empty),
 * so that callers can fall back to what a feed said about the article.
 *
 * @param title        headline
 * @param text         main text; paragraphs separated by blank lines
 * @param authors      bylines, in page order
 * @param publishedAt  publication time
 * @param modifiedAt   last modification time
 * @param canonicalUrl the page's own canonical URL ({@code rel=canonical}, {@code og:url}), normalised
 * @param language     language hint ({@code html lang}, {@code og:locale}), BCP 47
 * @param siteName     outlet name ({@code og:site_name}, JSON-LD publisher)
 */
public record ExtractedPage(String title, String text, List<String> authors, Instant publishedAt, Instant modifiedAt,
        String canonicalUrl, String language, String siteName) {

    public ExtractedPage {
        authors = List.copyOf(authors);
    }
}
