package io.newswatch.ingest.file;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newswatch.articles.ArticleFiles;
import io.newswatch.articles.ArticleJson;
import io.newswatch.ingest.ArticlePublisher;
import io.newswatch.ingest.dedup.SeenArticles;
import io.newswatch.schemas.RawArticle;

/**
 * Publishes the articles of a directory's files that were not published before. An article is
 * only remembered as done after Kafka acknowledged it, so a crash never loses one.
 */
public final class DirectoryIngestor {

    private static final Logger log = LoggerFactory.getLogger(DirectoryIngestor.class);

    private final Path directory;
    private final ArticlePublisher publisher;
    private final SeenArticles seen;
    private final ArticleFiles files;

    public DirectoryIngestor(Path directory, ArticlePublisher publisher, SeenArticles seen, Clock clock) {
        this.directory = directory;
        this.publisher = publisher;
        this.seen = seen;
        this.files = new ArticleFiles(new ArticleJson(), clock);
    }

    /** One pass over the directory; returns how many articles were published. */
    public int ingestOnce() throws IOException, InterruptedException {
        List<RawArticle> fresh = new ArrayList<>();
        files.read(directory, new ArticleFiles.Sink() {
            @Override
            public void article(RawArticle article, Path file) {
                if (!seen.contains(article.getId()) && !seen.contains(article.getContentHash())) {
                    fresh.add(article);
                }
            }

            @Override
            public void invalid(String where, String message) {
                log.warn("Skipping invalid article at {}: {}", where, message);
            }
        });
        int published = 0;
        for (RawArticle article : fresh) {
            if (seen.contains(article.getContentHash())) {
                continue; // an exact copy earlier in this pass
            }
            try {
                publisher.publish(article).get();
            } catch (ExecutionException e) {
                throw new IOException("Kafka did not accept article " + article.getId() + ": " + e.getCause().getMessage(),
                        e.getCause());
            }
            seen.add(article.getId(), article.getContentHash());
            published++;
            log.info("Published {} ({})", article.getId(), article.getTitle());
        }
        return published;
    }
}
