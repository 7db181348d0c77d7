package io.newswatch.articles.extract;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.newswatch.articles.ArticleIds;
import io.newswatch.articles.CanonicalUrl;
import io.newswatch.articles.CleanText;
import io.newswatch.schemas.Origin;
import io.newswatch.schemas.RawArticle;
import io.newswatch.schemas.Source;

/** Turns an extracted page into a raw article, filling what the page does not say from what a feed said. */
public final class PageArticles {

    /** What is known about an article before its page is read (from a feed item, a file name...); all optional. */
    public record Hints(String url, String title, String summary, List<String> authors, Instant publishedAt, String language,
            Source source) {

        public Hints {
            authors = authors == null ? List.of() : List.copyOf(authors);
        }

        public static Hints ofUrl(String url) {
            return new Hints(url, null, null, List.of(), null, null, null);
        }
    }

    private PageArticles() {
    }

    /** The article, or empty when neither the page nor the hints have any text. */
    public static Optional<RawArticle> build(ExtractedPage page, Hints hints, Origin origin, Instant fetchedAt) {
        String text = page == null ? "" : nullToEmpty(page.text());
        if (text.isBlank() && hints.summary() != null) {
            text = nullToEmpty(CleanText.text(hints.summary()));
        }
        if (text.isBlank()) {
            return Optional.empty();
        }
        String title = page != null && page.title() != null ? page.title() : nullToEmpty(CleanText.title(hints.title()));
        String canonical = canonical(page == null ? null : page.canonicalUrl(), hints.url());
        String hash = ArticleIds.contentHash(title, text);
        String id = canonical != null ? ArticleIds.fromUrl(canonical) : ArticleIds.fromContent(hash);
        String domain = canonical == null ? null : CanonicalUrl.domain(canonical).orElse(null);
        Source source = hints.source() != null ? Source.newBuilder(hints.source()).setDomain(domain).build()
                : Source.newBuilder().setName(page != null && page.siteName() != null ? page.siteName()
                        : domain != null ? domain : "unknown").setDomain(domain).build();
        Map<String, String> attributes = new LinkedHashMap<>();
        if (page != null && page.modifiedAt() != null) {
            attributes.put("modifiedAt", page.modifiedAt().toString());
        }
        return Optional.of(RawArticle.newBuilder()
                .setId(id)
                .setUrl(hints.url())
                .setCanonicalUrl(canonical)
                .setSource(source)
                .setOrigin(origin)
                .setTitle(title.strip())
                .setText(text)
                .setAuthors(page != null && !page.authors().isEmpty() ? page.authors() : hints.authors())
                .setLanguage(page != null && page.language() != null ? page.language() : hints.language())
                .setPublishedAt(page != null && page.publishedAt() != null ? page.publishedAt() : hints.publishedAt())
                .setFetchedAt(fetchedAt)
                .setContentHash(hash)
                .setAttributes(attributes)
                .build());
    }

    /**
     * The page's canonical URL unless it points to a site's home page while the page is not one
     * (a common template mistake that would give every article the same id), else the fetched URL's.
     */
    static String canonical(String pageCanonical, String fetchedUrl) {
        Optional<String> fetched = CanonicalUrl.of(fetchedUrl);
        Optional<String> declared = CanonicalUrl.of(pageCanonical);
        if (declared.isPresent()) {
            boolean declaredIsHome = "/".equals(URI.create(declared.get()).getPath());
            boolean fetchedIsHome = fetched.map(f -> "/".equals(URI.create(f).getPath())).orElse(false);
            if (!declaredIsHome || fetchedIsHome || fetched.isEmpty()) {
                return declared.get();
            }
        }
        return fetched.orElse(null);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s.strip();
    }
}
