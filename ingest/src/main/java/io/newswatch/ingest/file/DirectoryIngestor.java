package io.newswatch.ingest.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newswatch.ingest.ArticlePublisher;
import io.newswatch.ingest.dedup.SeenArticles;
import io.newswatch.schemas.RawArticle;

/**
 * Publishes the article files of a directory that were not published before. A file is only
 * remembered as done after Kafka acknowledged its article, so a crash never loses one.
 */
public final class DirectoryIngestor {

    private static final Logger log = LoggerFactory.getLogger(DirectoryIngestor.class);

    private final Path directory;
    private final ArticlePublisher publisher;
    private final SeenArticles seen;
    private final Clock clock;

    public DirectoryIngestor(Path directory, ArticlePublisher publisher, SeenArticles seen, Clock clock) {
        this.directory = directory;
        this.publisher = publisher;
        this.seen = seen;
        this.clock = clock;
    }

    /** One pass over the directory; returns how many articles were published. */
    public int ingestOnce() throws IOException, InterruptedException {
        int published = 0;
        for (Path file : articleFiles()) {
            RawArticle article;
            try {
                article = TextArticleFile.read(file, "files", clock.instant());
            } catch (IOException | RuntimeException e) {
                log.warn("Skipping unreadable article file {}: {}", file, e.getMessage());
                continue;
            }
            if (article.getText().isBlank() || seen.contains(article.getId()) || seen.contains(article.getContentHash())) {
                continue;
            }
            try {
                publisher.publish(article).get();
            } catch (ExecutionException e) {
                throw new IOException("Kafka did not accept article " + article.getId() + " from " + file + ": "
                        + e.getCause().getMessage(), e.getCause());
            }
            seen.add(article.getId(), article.getContentHash());
            published++;
            log.info("Published {} from {}", article.getId(), file.getFileName());
        }
        return published;
    }

    private List<Path> articleFiles() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt"))
                    .sorted()
                    .toList();
        }
    }
}
