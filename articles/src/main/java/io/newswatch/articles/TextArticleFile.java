package io.newswatch.articles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.newswatch.schemas.Origin;
import io.newswatch.schemas.RawArticle;
import io.newswatch.schemas.Source;

/**
 * A plain-text article: the first non-blank line is the title, the rest the text; paragraphs are
 * separated by blank lines in the output.
 */
public final class TextArticleFile {

    private TextArticleFile() {
    }

    public static RawArticle read(Path file, String sourceName, Instant fetchedAt) throws IOException {
        String content = Files.readString(file, StandardCharsets.UTF_8);
        return parse(content, sourceName, fetchedAt, file.getFileName().toString());
    }

    static RawArticle parse(String content, String sourceName, Instant fetchedAt, String fileName) {
        List<String> lines = content.replace("\r\n", "\n").replace('\r', '\n').lines().map(String::strip).toList();
        String title = "";
        List<String> paragraphs = new ArrayList<>();
        for (String line : lines) {
            if (line.isEmpty()) {
                continue;
            }
            if (title.isEmpty()) {
                title = line;
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
                .setFetchedAt(fetchedAt)
                .setContentHash(hash)
                .setAttributes(Map.of("file", fileName))
                .build();
    }
}
