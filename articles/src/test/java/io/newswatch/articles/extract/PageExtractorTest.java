package io.newswatch.articles.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class PageExtractorTest {

    private final PageExtractor extractor = new PageExtractor();

    @Test
    void newsPageGivesMetadataAndOnlyTheStoryParagraphs() throws IOException {
        ExtractedPage page = extractor.extract(fixture("news-article.html"),
                "https://www.coastalherald.example/news/2024/05/harbour-bridge-reopens/?utm_source=rss");

        assertThat(page.title()).isEqualTo("Harbour bridge reopens after six-month repair");
        assertThat(page.authors()).containsExactly("Priya Lennox", "Tom Achebe");
        assertThat(page.publishedAt()).isEqualTo(Instant.parse("2024-05-14T05:30:00Z"));
        assertThat(page.modifiedAt()).isEqualTo(Instant.parse("2024-05-14T08:05:00Z"));
        assertThat(page.canonicalUrl()).isEqualTo("https://www.coastalherald.example/news/2024/05/harbour-bridge-reopens");
        assertThat(page.language()).isEqualTo("en-GB");
        assertThat(page.siteName()).isEqualTo("The Coastal Herald");
        assertThat(page.text().split("\n\n")).containsExactly(
                "The Harbour Bridge reopened to traffic on Tuesday morning, six months after engineers closed it when corrosion"
                        + " was found in two of its main cables.",
                "Council leader Morag Baird said the repair, which cost £14.2m, had been finished three weeks ahead of schedule"
                        + " and within budget.",
                "“Thousands of people depend on this crossing every day, and I want to thank them for their patience,” she said.",
                "Commuters queued from before dawn to be among the first to cross, and a ferry service that had run during the"
                        + " closure will stop at the end of the week.",
                "Inspections to continue",
                "Engineers will inspect the cables every quarter for the next two years, the council said, and a weight limit of"
                        + " 18 tonnes will stay in place until the summer.",
                "Businesses on the north shore, which said they had lost up to a third of their trade, welcomed the reopening.");
    }

    @Test
    void blogPageWithoutArticleMarkupFindsThePostBody() throws IOException {
        ExtractedPage page = extractor.extract(fixture("blog-post.html"), "http://blog.example.org/2017/03/vallee-des-moulins.html");

        assertThat(page.title()).isEqualTo("Carnet de route: la vallée des moulins");
        assertThat(page.language()).isEqualTo("fr");
        assertThat(page.publishedAt()).isEqualTo(Instant.parse("2017-03-27T08:00:00Z"));
        assertThat(page.canonicalUrl()).isEqualTo("http://blog.example.org/2017/03/vallee-des-moulins.html");
        List<String> paragraphs = List.of(page.text().split("\n\n"));
        assertThat(paragraphs).hasSize(3);
        assertThat(paragraphs.get(0)).startsWith("Nous sommes partis tôt le matin");
        assertThat(page.text()).doesNotContain("Archives", "Abonnez-vous", "Publié par", "No comments", "Post a Comment");
    }

    @Test
    void undeclaredWindows1252PageIsDecodedAsSuch() {
        String html = "<html><body><article><p>Caf\u00e9 owners say the \u201cnew rules\u201d cost them \u20ac200 a week in lost"
                + " trade.</p></article></body></html>";
        byte[] bytes = html.getBytes(Charset.forName("windows-1252"));

        String decoded = PageCharset.decode(bytes, null);

        assertThat(extractor.extract(decoded, null).text()).isEqualTo("Caf\u00e9 owners say the \u201cnew rules\u201d cost them"
                + " \u20ac200 a week in lost trade.");
    }

    @Test
    void declaredCharsetsWinFromHeaderThenMeta() {
        byte[] latin = "<meta charset=\"iso-8859-1\"><p>Gr\u00fc\u00dfe</p>".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(PageCharset.decode(latin, null)).contains("Gr\u00fc\u00dfe");
        byte[] koi8 = "<p>\u041d\u043e\u0432\u043e\u0441\u0442\u0438</p>".getBytes(Charset.forName("KOI8-R"));
        assertThat(PageCharset.decode(koi8, "text/html; charset=KOI8-R")).contains("\u041d\u043e\u0432\u043e\u0441\u0442\u0438");
    }

    @Test
    void canonicalPointingAtTheHomePageIsIgnored() {
        assertThat(PageArticles.canonical("https://outlet.example/", "https://outlet.example/2024/story?utm_source=x"))
                .isEqualTo("https://outlet.example/2024/story");
        assertThat(PageArticles.canonical("https://outlet.example/a/b", "https://m.outlet.example/a/b"))
                .isEqualTo("https://outlet.example/a/b");
    }

    static String fixture(String name) throws IOException {
        try (InputStream in = PageExtractorTest.class.getResourceAsStream("/pages/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
