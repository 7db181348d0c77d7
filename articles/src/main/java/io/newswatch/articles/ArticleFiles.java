package io.newswatch.articles;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.newswatch.articles.extract.ExtractedPage;
import io.newswatch.articles.extract.PageArticles;
import io.newswatch.articles.extract.PageCharset;
import io.newswatch.articles.extract.PageExtractor;
import io.newswatch.schemas.Origin;
import io.newswatch.schemas.RawArticle;

/**
 * Reads articles from files: {@code .jsonl} (one JSON article a line), {@code .json} (one article
 * or an array), {@code .txt} (first line the title) and {@code .html} (a saved article page). A bad article is reported with its file
 * and line and skipped; the others are still read.
 */
public final class ArticleFiles {

    /** Receives what was read. */
    public interface Sink {
        void article(RawArticle article, Path file);

        void invalid(String where, String message);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ArticleJson json;
    private final Clock clock;
    private final PageExtractor pages = new PageExtractor();

    public ArticleFiles(ArticleJson json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    public static boolean isSupported(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json") || name.endsWith(".txt")
                || name.endsWith(".html") || name.endsWith(".htm");
    }

    /** The supported files under {@code path} (itself if it is a file), in name order. */
    public static List<Path> list(Path path) throws IOException {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).filter(ArticleFiles::isSupported).sorted().toList();
        }
    }

    /** Reads every article of {@code path} (a file or a directory) into {@code sink}. */
    public void read(Path path, Sink sink) throws IOException {
        for (Path file : list(path)) {
            readFile(file, sink);
        }
    }

    public void readFile(Path file, Sink sink) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                int number = 0;
                while ((line = reader.readLine()) != null) {
                    number++;
                    if (!line.isBlank()) {
                        one(line, file, file + ":" + number, sink);
                    }
                }
            }
        } else if (name.endsWith(".json")) {
            JsonNode root;
            try {
                root = JSON.readTree(file.toFile());
            } catch (JsonProcessingException e) {
                sink.invalid(file + ":" + e.getLocation().getLineNr(), "invalid JSON: " + e.getOriginalMessage());
                return;
            }
            if (root != null && root.isArray()) {
                for (int i = 0; i < root.size(); i++) {
                    convert(root.get(i), file, file + "[" + i + "]", sink);
                }
            } else {
                convert(root, file, file.toString(), sink);
            }
        } else if (name.endsWith(".txt")) {
            RawArticle article = TextArticleFile.read(file, "files", clock.instant());
            if (article.getText().isBlank()) {
                sink.invalid(file.toString(), "no text after the title line");
            } else {
                sink.article(article, file);
            }
        } else if (name.endsWith(".html") || name.endsWith(".htm")) {
            ExtractedPage page = pages.extract(PageCharset.decode(Files.readAllBytes(file), null), null);
            Optional<RawArticle> article = PageArticles.build(page, PageArticles.Hints.ofUrl(null), Origin.FILE, clock.instant());
            if (article.isEmpty()) {
                sink.invalid(file.toString(), "no article text found in the page");
            } else {
                RawArticle a = article.get();
                a.getAttributes().put("file", file.getFileName().toString());
                if (a.getSource().getName().equals("unknown")) {
                    a.getSource().setName("files");
                }
                sink.article(a, file);
            }
        } else {
            sink.invalid(file.toString(), "unsupported file type (use .jsonl, .json, .txt or .html)");
        }
    }

    private void one(String line, Path file, String where, Sink sink) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            sink.invalid(where, "invalid JSON: " + e.getOriginalMessage());
            return;
        }
        convert(node, file, where, sink);
    }

    private void convert(JsonNode node, Path file, String where, Sink sink) {
        try {
            sink.article(json.parse(node, Origin.FILE, clock.instant(), null), file);
        } catch (InvalidArticleException e) {
            sink.invalid(where, e.getMessage());
        }
    }
}
