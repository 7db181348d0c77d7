package io.newswatch.articles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.newswatch.articles.clean.BoilerplateFilter;
import io.newswatch.articles.clean.Dateline;

import io.newswatch.schemas.Origin;
import io.newswatch.schemas.RawArticle;
import io.newswatch.schemas.Source;

/**
 * A plain-text article: the first non-blank line is the title, the rest the text; paragraphs are
 * separated by blank lines in the output. Scraping leftovers (see {@link BoilerplateFilter}) are
 * dropped, and a date-only line before the title becomes the publication time. Bytes that are not
 * UTF-8 are read as Windows-1252 (see {@link FileText#lenient}); control characters are removed.
 */
public final class TextArticleFile {

    private TextArticleFile() {
    }

    public static RawArticle read(Path file, String sourceName, Instant fetchedAt) throws IOException {
        String content = FileText.lenient(Files.readAllBytes(file));
        return parse(content, sourceName, fetchedAt, file.getFileName().toString());
    }

    static RawArticle parse(String content, String sourceName, Instant fetchedAt, String fileName) {
        List<String> lines = BoilerplateFilter.keepStory(CleanText.text(content).lines().toList());
        String title = "";
        Instant publishedAt = null;
        List<String> paragraphs = new ArrayList<>();
        for (String line : lines) {
            if (title.isEmpty()) {
                Optional<Instant> date = publishedAt == null ? Dateline.parse(line) : Optional.empty();
                if (date.isPresent()) {
                    publishedAt = date.get();
                } else {
                    title = line;
                }
            } else {
                paragraphs.add(line);
            }
        }
        String text = String.join("\n\n", paragraphs);
        String hash = ArticleIds.contentHash(title, text);
        return RawArticle.newBuilder()
                .setId(ArticleIds.fromContent(hash))
                .setSource(Source.newBuilder().setName(sourceName).build())
                .setOrigin(Origin.FILE)
                .setTitle(title)
                .setText(text)
                .setPublishedAt(publishedAt)
                .setFetchedAt(fetchedAt)
                .setContentHash(hash)
                .setAttributes(Map.of("file", fileName))
                .build();
    }
}
