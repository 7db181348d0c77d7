package io.newswatch.deploy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.newswatch.schemas.Origin;
import io.newswatch.schemas.RawArticle;
import io.newswatch.schemas.Source;

/** Raw articles for tests, each distinct (own id, own text) so that each is its own story. */
final class Articles {

    private Articles() {
    }

    static RawArticle numbered(String prefix, int n, String text) {
        String id = prefix + "-" + n;
        return RawArticle.newBuilder()
                .setId(id)
                .setUrl("https://news.example/" + id)
                .setCanonicalUrl("https://news.example/" + id)
                .setSource(Source.newBuilder().setName("Example News").setDomain("news.example").setTags(List.of()).build())
                .setOrigin(Origin.FILE)
                .setTitle("Report number " + n + " from " + prefix)
                .setText(text)
                .setAuthors(List.of())
                .setLanguage("en")
                .setPublishedAt(Instant.parse("2026-11-01T10:00:00Z").plusSeconds(n))
                .setFetchedAt(Instant.now())
                .setContentHash(Integer.toHexString((id + text).hashCode()))
                .setAttributes(Map.of())
                .build();
    }
}
