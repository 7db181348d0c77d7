package io.newswatch.ingest.feed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

import io.newswatch.articles.ArticleIds;
import io.newswatch.articles.HtmlText;
import io.newswatch.articles.ParagraphHtmlText;

/**
 * Parses RSS 0.9x/2.0 and Atom 1.0 with Rome. Document type declarations are refused, so external
 * entities and entity expansion ("billion laughs") cannot be used against the service.
 */
public final class FeedParser {

    /** A parsed feed: its language, if stated, and its entries in document order. */
    public record ParsedFeed(String language, List<FeedItem> items) {
    }

    private final HtmlText html = new ParagraphHtmlText();

    public ParsedFeed parse(byte[] body, String contentType) throws InvalidFeedException {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        input.setXmlHealerOn(true);
        SyndFeed feed;
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
            feed = input.build(reader);
        } catch (FeedException | IOException | IllegalArgumentException e) {
            throw new InvalidFeedException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
        List<FeedItem> items = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            String link = blankToNull(entry.getLink());
            String title = blankToNull(entry.getTitle());
            String summary = summary(entry);
            String key = blankToNull(entry.getUri());
            if (key == null) {
                key = link;
            }
            if (key == null) {
                if (title == null && summary == null) {
                    continue;
                }
                key = "content:" + ArticleIds.contentHash(title, summary);
            }
            List<String> authors = new ArrayList<>();
            for (SyndPerson p : entry.getAuthors()) {
                if (p.getName() != null && !p.getName().isBlank()) {
                    authors.add(p.getName().strip());
                }
            }
            if (authors.isEmpty() && entry.getAuthor() != null && !entry.getAuthor().isBlank()) {
                authors.add(entry.getAuthor().strip());
            }
            Date published = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
            items.add(new FeedItem(key, link, title == null ? null : html.text(title, null), summary, authors,
                    published == null ? null : published.toInstant()));
        }
        return new ParsedFeed(blankToNull(feed.getLanguage()), items);
    }

    private String summary(SyndEntry entry) {
        String best = null;
        for (SyndContent c : entry.getContents()) {
            String text = toText(c);
            if (text != null && (best == null || text.length() > best.length())) {
                best = text;
            }
        }
        if (best == null && entry.getDescription() != null) {
            best = toText(entry.getDescription());
        }
        return best;
    }

    private String toText(SyndContent c) {
        if (c == null || c.getValue() == null || c.getValue().isBlank()) {
            return null;
        }
        String type = c.getType() == null ? "" : c.getType();
        String text = type.contains("text/plain") || type.equals("text") ? c.getValue().strip() : html.text(c.getValue(), null);
        return text.isBlank() ? null : text;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A feed document that cannot be read. */
    public static final class InvalidFeedException extends Exception {
        public InvalidFeedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
