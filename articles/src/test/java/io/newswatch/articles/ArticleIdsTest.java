package io.newswatch.articles;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArticleIdsTest {

    @Test
    void contentHashIgnoresCaseAndWhitespaceButNotWords() {
        String a = ArticleIds.contentHash("London attack", "Police  said\n\nhe acted alone.");
        assertThat(ArticleIds.contentHash("LONDON ATTACK ", "police said he acted alone.")).isEqualTo(a);
        assertThat(ArticleIds.contentHash("London attack", "Police said she acted alone.")).isNotEqualTo(a);
        assertThat(a).hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void idsAreStableAndDistinguishTheirOrigin() {
        assertThat(ArticleIds.fromUrl("https://a.example/x")).isEqualTo(ArticleIds.fromUrl("https://a.example/x"))
                .isNotEqualTo(ArticleIds.fromUrl("https://a.example/y")).startsWith("u").hasSize(41);
        String hash = ArticleIds.contentHash("t", "x");
        assertThat(ArticleIds.fromContent(hash)).startsWith("c").hasSize(41);
    }
}
