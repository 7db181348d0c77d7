package io.newswatch.ingest.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Metrics;
import io.newswatch.articles.ArticleFiles;
import io.newswatch.articles.ArticleJson;
import io.newswatch.articles.FileLimits;
import io.newswatch.ingest.ArticleIntake;
import io.newswatch.ingest.ArticlePublisher;
import io.newswatch.ingest.dedup.SeenArticles;
import io.newswatch.schemas.RawArticle;

/**
 * Publishes the articles of a directory's files that were not published before; called again and
 * again, it picks up new and changed files (a file is read again when its size or modification time
 * changes). An article is only remembered as done after Kafka acknowledged it, so a crash never
 * loses one; a file is only marked read once all its articles are acknowledged.
 *
 * <p>A bad article is skipped and counted, and the rest of its file still goes through. A file
 * that cannot be used at all (binary, too large, JSON that is not UTF-8...) is handed to
 * {@link RejectedFiles} — by default moved to {@code rejected/} with the reason — and logged with
 * its name, so that neither this pass nor a restart stumbles on it again.
 */
public final class DirectoryIngestor {

    private static final Logger log = LoggerFactory.getLogger(DirectoryIngestor.class);

    private final Path directory;
    private final ArticleIntake intake;
    private final ArticleFiles files;
    private final RejectedFiles rejected;
    private final Map<Path, String> read = new HashMap<>();
    private final AtomicLong dropped = new AtomicLong();
    private final List<String> rejections = new ArrayList<>();

    public DirectoryIngestor(Path directory, ArticleIntake intake, Clock clock) {
        this(directory, intake, clock, FileLimits.defaults(), RejectedFiles.intoFolder(directory, clock));
    }

    public DirectoryIngestor(Path directory, ArticleIntake intake, Clock clock, FileLimits limits, RejectedFiles rejected) {
        this.directory = directory;
        this.intake = intake;
        this.files = new ArticleFiles(new ArticleJson(), clock, limits);
        this.rejected = rejected;
    }

    /** For callers that publish directly: an intake over {@code publisher} and {@code seen}. */
    public DirectoryIngestor(Path directory, ArticlePublisher publisher, SeenArticles seen, Clock clock) {
        this(directory, new ArticleIntake(publisher, seen), clock);
    }

    /** Articles dropped so far: invalid ones, those of rejected files, and those Kafka can never take (too large). */
    public long dropped() {
        return dropped.get();
    }

    /** The files rejected so far, each as {@code path: reason}. */
    public synchronized List<String> rejections() {
        return List.copyOf(rejections);
    }

    /** One pass over the directory; returns how many articles were published. */
    public int ingestOnce() throws IOException, InterruptedException {
        int published = 0;
        for (Path file : ArticleFiles.list(directory, rejected::holds)) {
            String version;
            try {
                version = version(file);
            } catch (NoSuchFileException e) {
                continue; // gone since it was listed
            }
            if (version.equals(read.get(file))) {
                continue;
            }
            List<CompletableFuture<ArticleIntake.Outcome>> pending = new ArrayList<>();
            List<InterruptedException> interrupted = new ArrayList<>();
            boolean[] fileRejected = {false};
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
                    dropped.incrementAndGet();
                    Metrics.counter("newswatch.errors", "component", "files", "reason", "invalid-article").increment();
                    log.warn("Skipping invalid article at {}: {}", where, message);
                }

                @Override
                public void rejected(Path bad, String reason) {
                    fileRejected[0] = true;
                    dropped.incrementAndGet();
                    Metrics.counter("newswatch.errors", "component", "files", "reason", "rejected-file").increment();
                    Path moved = rejected.reject(bad, reason);
                    synchronized (DirectoryIngestor.this) {
                        rejections.add(bad + ": " + reason);
                    }
                    log.warn("Rejected file {}: {}{}", bad, reason, moved.equals(bad) ? "" : "; moved to " + moved);
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
                    if (e.getCause() instanceof IllegalStateException) {
                        // shutting down: not published, read again next time
                        complete = false;
                        log.warn("An article of {} was not published: {}", file, e.getCause().toString());
                    } else {
                        // Kafka can never take it (e.g. too large): reading the file again would not change that
                        dropped.incrementAndGet();
                        log.warn("An article of {} can never be published and is dropped: {}", file, e.getCause().toString());
                    }
                }
            }
            if (complete || fileRejected[0]) {
                if (Files.exists(file)) {
                    read.put(file, version);
                } else {
                    read.remove(file);
                }
            }
        }
        return published;
    }

    private static String version(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return a.size() + "@" + a.lastModifiedTime().toMillis();
    }
}
