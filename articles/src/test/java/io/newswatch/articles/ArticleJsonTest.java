package io.newswatch.articles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.newswatch.schemas.Origin;
import io.newswatch.schemas.RawArticle;

class ArticleJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private final ArticleJson format = new ArticleJson();

    @Test
    void readsTheDocumentedFields() throws Exception {
        RawArticle a = format.parse(JSON.readTree("""
                {"url": "https://www.example.com/story/?utm_medium=rss", "title": " London attack ",
                 "text": "Police said he acted alone.", "source": "Example News", "publishedAt": "2017-03-27T08:00:00+01:00",
                 "language": "en", "authors": "Jane Doe", "extra": {"ignored": true}}
                """), Origin.PUSH, NOW, null);
        assertThat(a.getCanonicalUrl()).isEqualTo("https://www.example.com/story");
        assertThat(a.getId()).isEqualTo(ArticleIds.fromUrl("https://www.example.com/story"));
        assertThat(a.getTitle()).isEqualTo("London attack");
        assertThat(a.getSource().getName()).isEqualTo("Example News");
        assertThat(a.getSource().getDomain()).isEqualTo("example.com");
        assertThat(a.getPublishedAt()).isEqualTo(Instant.parse("2017-03-27T07:00:00Z"));
        assertThat(a.getAuthors()).containsExactly("Jane Doe");
        assertThat(a.getOrigin()).isEqualTo(Origin.PUSH);
        assertThat(a.getFetchedAt()).isEqualTo(NOW);
    }

    @Test
    void htmlBecomesParagraphTextAndGivenIdsWin() throws Exception {
        RawArticle a = format.parse(JSON.readTree("""
                {"id": "feed-42", "html": "<div><p>One <b>two</b>.</p><script>x()</script><p>Three.</p></div>"}
                """), Origin.FILE, NOW, null);
        assertThat(a.getText()).isEqualTo("One two.\n\nThree.");
        assertThat(a.getId()).isEqualTo("feed-42");
        assertThat(a.getSource().getName()).isEqualTo("unknown");
    }

    @Test
    void namesEveryInvalidField() throws Exception {
        InvalidArticleException e = catchThrowableOfType(InvalidArticleException.class, () -> format.parse(JSON.readTree("""
                {"url": "ftp://x", "publishedAt": "yesterday", "authors": [1], "title": 5, "id": "has space"}
                """), Origin.PUSH, NOW, "req[0]"));
        assertThat(e.errors()).extracting(InvalidArticleException.FieldError::field)
                .containsExactlyInAnyOrder("url", "publishedAt", "authors", "title", "text", "id");
        assertThat(e.getMessage()).startsWith("req[0]: ");
    }
}
