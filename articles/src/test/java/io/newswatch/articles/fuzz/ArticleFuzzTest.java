package io.newswatch.articles.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
    @FuzzTest
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

    private static final String[] FIELDS = {"url", "canonicalUrl", "title", "text", "html", "source", "publishedAt",
        "language", "authors", "id", "attributes"};

    /**
     * JSON articles built field by field from the fuzzer's bytes (the JSON parser itself is not the
     * target): an article, or an {@link InvalidArticleException} naming fields, nothing else.
     */
    @FuzzTest
    void articleJson(FuzzedDataProvider data) {
        ObjectNode node = JSON.createObjectNode();
        int fields = data.consumeInt(0, FIELDS.length);
        for (int i = 0; i < fields; i++) {
            String field = data.pickValue(FIELDS);
            node.set(field, value(data, 0));
        }
        try {
            RawArticle a = ARTICLES.parse(node, Origin.FILE, Instant.EPOCH, "fuzz");
            assertThat(a.getText()).isNotBlank();
            assertThat(a.getText().length()).isLessThanOrEqualTo(ArticleJson.MAX_TEXT_CHARS);
            assertThat(a.getTitle().length()).isLessThanOrEqualTo(ArticleJson.MAX_TITLE_CHARS);
            assertThat(CleanText.isClean(a.getTitle(), false)).isTrue();
            assertThat(CleanText.isClean(a.getText(), true)).isTrue();
            assertThat(a.getId()).isNotBlank();
            if (a.getPublishedAt() != null) {
                assertThat(ArticleJson.isPlausible(a.getPublishedAt())).isTrue();
            }
        } catch (InvalidArticleException e) {
            assertThat(e.errors()).isNotEmpty();
            assertThat(e.getMessage()).startsWith("fuzz: ");
        }
    }

    private static JsonNode value(FuzzedDataProvider data, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (data.consumeInt(0, depth > 2 ? 4 : 7)) {
            case 0:
                return f.nullNode();
            case 1:
                return f.numberNode(data.consumeLong());
            case 2:
                return f.booleanNode(data.consumeBoolean());
            case 3:
            case 4:
                return f.textNode(data.consumeString(200));
            case 5: {
                ArrayNode array = f.arrayNode();
                int n = data.consumeInt(0, 4);
                for (int i = 0; i < n; i++) {
                    array.add(value(data, depth + 1));
                }
                return array;
            }
            default: {
                ObjectNode object = f.objectNode();
                int n = data.consumeInt(0, 4);
                for (int i = 0; i < n; i++) {
                    object.set(data.pickValue(new String[] {"name", "domain", "feedUrl", "tags", "k"}), value(data, depth + 1));
                }
                return object;
            }
        }
    }
}
