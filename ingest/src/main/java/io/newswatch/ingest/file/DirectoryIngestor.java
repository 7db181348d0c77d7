package io.newswatch.ingest.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Metrics;
import io.newswatch.articles.ArticleFiles;
import io.newswatch.articles.ArticleJson;
import io.newswatch.ingest.ArticleIntake;
import io.newswatch.ingest.ArticlePublisher;
import io.newswatch.ingest.dedup.SeenArticles;
import io.newswatch.schemas.RawArticle;

/**
 * Publishes the articles of a directory's files that were not published before; called again and
 * again, it picks up new and changed files (a file is read again when its size or modification time
 * changes). An article is only remembered as done after Kafka acknowledged it, so a crash never
 * loses one; a file is only marked read once all its articles are acknowledged.
 */
public final class DirectoryIngestor {

    private static final Logger log = LoggerFactory.getLogger(DirectoryIngestor.class);

    private final Path directory;
    private final ArticleIntake intake;
    private final ArticleFiles files;
    private final Map<Path, String> read = new HashMap<>();

    public DirectoryIngestor(Path directory, ArticleIntake intake, Clock clock) {
        this.directory = directory;
        this.intake = intake;
        this.files = new ArticleFiles(new ArticleJson(), clock);
    }

    /** For callers that publish directly: an intake over {@code publisher} and {@code seen}. */
    public DirectoryIngestor(Path directory, ArticlePublisher publisher, SeenArticles seen, Clock clock) {
        this(directory, new ArticleIntake(publisher, seen), clock);
    }

    /** One pass over the directory; returns how many articles were published. */
    public int ingestOnce() throws IOException, InterruptedException {
        int published = 0;
        for (Path file : ArticleFiles.list(directory)) {
            String version = version(file);
            if (version.equals(read.get(file))) {
                continue;
            }
            List<CompletableFuture<ArticleIntake.Outcome>> pending = new ArrayList<>();
            List<InterruptedException> interrupted = new ArrayList<>();
            files.readFile(file, new ArticleFiles.Sink() {
                @Override
                public void article(RawArticle article, Path from) {
                    try {
                        if (!intake.isKnown(article)) {
                            Metrics.counter("newswatch.articles.fetched", "source", "files").increment();
                        }
                        pending.add(intake.submit(article));
                    } catch (InterruptedException e) {
                        interrupted.add(e);
                        Thread.currentThread().interrupt();
                    }
                }

                @Override
                public void invalid(String where, String message) {
                    Metrics.counter("newswatch.errors", "component", "files", "reason", "invalid-article").increment();
                    log.warn("Skipping invalid article at {}: {}", where, message);
                }
            });
            if (!interrupted.isEmpty()) {
                throw interrupted.get(0);
            }
            boolean complete = true;
            for (CompletableFuture<ArticleIntake.Outcome> f : pending) {
                try {
                    if (f.get() == ArticleIntake.Outcome.PUBLISHED) {
                        published++;
                    }
                } catch (ExecutionException e) {
                    complete = false;
                    log.warn("An article of {} was not published: {}", file, e.getCause().toString());
                }
            }
            if (complete) {
                read.put(file, version);
            }
        }
        return published;
    }

    private static String version(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return a.size() + "@" + a.lastModifiedTime().toMillis();
    }
}
