package io.newswatch.articles.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.newswatch.articles.ArticleJson;
import io.newswatch.articles.CleanText;
import io.newswatch.articles.InvalidArticleException;
import io.newswatch.articles.extract.ExtractedPage;
import io.newswatch.articles.extract.PageExtractor;
import io.newswatch.schemas.Origin;
import io.newswatch.schemas.RawArticle;

/**
 * Coverage-guided fuzzing of the page extractor and the article JSON reader. In a normal build
 * these run their seed inputs ({@code src/test/resources/.../ArticleFuzzTestInputs/}) as
 * regression tests; {@code -Pfuzz} fuzzes for real (see the README, Reliability).
 */
class ArticleFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PageExtractor PAGES = new PageExtractor();
    private static final ArticleJson ARTICLES = new ArticleJson(PAGES);

    /** Any bytes as a page: extraction returns, with clean text and a bounded title, whatever the markup. */
    @FuzzTest(maxDuration = "30s")
    void pageExtractor(byte[] bytes) {
        if (bytes == null) {
            return;
        }
        String html = io.newswatch.articles.extract.PageCharset.decode(bytes, null);
        ExtractedPage page = PAGES.extract(html, "https://fuzz.example/news/1");
        assertThat(page).isNotNull();
        if (page.title() != null) {
            assertThat(CleanText.isClean(page.title(), false)).isTrue();
            assertThat(page.title().length()).isLessThanOrEqualTo(ArticleJson.MAX_TITLE_CHARS + 1);
        }
        assertThat(CleanText.isClean(page.text(), true)).isTrue();
        if (page.publishedAt() != null) {
            assertThat(ArticleJson.isPlausible(page.publishedAt())).isTrue();
        }
    }

    /** Any text as a JSON article: an article or an {@link InvalidArticleException} naming fields, nothing else. */
    @FuzzTest(maxDuration = "30s")
    void articleJson(String line) throws Exception {
        if (line == null) {
            return;
        }
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return; // not JSON: reported by the file reader with its line
        }
        try {
            RawArticle a = ARTICLES.parse(node, Origin.FILE, Instant.EPOCH, "fuzz");
            assertThat(a.getText()).isNotBlank();
            assertThat(a.getText().length()).isLessThanOrEqualTo(ArticleJson.MAX_TEXT_CHARS);
            assertThat(a.getTitle().length()).isLessThanOrEqualTo(ArticleJson.MAX_TITLE_CHARS);
            assertThat(CleanText.isClean(a.getTitle(), false)).isTrue();
            assertThat(CleanText.isClean(a.getText(), true)).isTrue();
            assertThat(a.getId()).isNotBlank();
        } catch (InvalidArticleException e) {
            assertThat(e.errors()).isNotEmpty();
            assertThat(e.getMessage()).startsWith("fuzz: ");
        }
    }
}
