package io.newswatch.articles;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A plain HTML-to-text conversion for HTML that is already the article body (e.g. the {@code html}
 * field of a pushed article): block elements become paragraphs, scripts and styles are dropped.
 */
public final class ParagraphHtmlText implements HtmlText {

    private static final String BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, td";

    @Override
    public String text(String html, String baseUrl) {
        Document doc = Jsoup.parseBodyFragment(html, baseUrl == null ? "" : baseUrl);
        doc.select("script, style, noscript, template").remove();
        List<String> paragraphs = new ArrayList<>();
        for (Element block : doc.body().select(BLOCKS)) {
            if (block.selectFirst(BLOCKS) != null && block.ownText().isBlank()) {
                continue; // a container of other blocks: its children are taken on their own
            }
            String text = block.text().strip();
            if (!text.isEmpty()) {
                paragraphs.add(text);
            }
        }
        if (paragraphs.isEmpty()) {
            String all = doc.body().text().strip();
            return all;
        }
        return String.join("\n\n", paragraphs);
    }
}
