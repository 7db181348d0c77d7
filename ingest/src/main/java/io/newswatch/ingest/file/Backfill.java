package io.newswatch.ingest.file;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Metrics;
import io.newswatch.articles.ArticleFiles;
import io.newswatch.articles.ArticleJson;
import io.newswatch.articles.FileLimits;
import io.newswatch.ingest.ArticleIntake;
import io.newswatch.schemas.RawArticle;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A one-shot load of article files: every article of the given files and directories goes through
 * the intake (duplicates of earlier loads are skipped). Progress is a bar (count, rate, ETA) on a
 * terminal, plain lines otherwise.
 */
public final class Backfill {

    /** What a backfill did. */
    public record Summary(long read, long published, long duplicates, long invalid, long failed, Duration took) {

        public double ratePerSecond() {
            return took.toNanos() == 0 ? 0 : read * 1e9 / took.toNanos();
        }
    }

    private static final Logger log = LoggerFactory.getLogger(Backfill.class);
    private static final long PLAIN_PROGRESS_EVERY_NANOS = Duration.ofSeconds(5).toNanos();

    private final ArticleIntake intake;
    private final ArticleFiles files;
    private final PrintStream progressOut;
    private final boolean terminal;

    /** {@code terminal}: draw a progress bar on {@code progressOut}; else print a plain line every few seconds. */
    public Backfill(ArticleIntake intake, Clock clock, PrintStream progressOut, boolean terminal) {
        this(intake, clock, progressOut, terminal, FileLimits.defaults());
    }

    public Backfill(ArticleIntake intake, Clock clock, PrintStream progressOut, boolean terminal, FileLimits limits) {
        this.intake = intake;
        this.files = new ArticleFiles(new ArticleJson(), clock, limits);
        this.progressOut = progressOut;
        this.terminal = terminal;
    }

    public Summary run(List<Path> paths) throws IOException, InterruptedException {
        List<Path> all = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new IOException("no such file or directory: " + p);
            }
            all.addAll(ArticleFiles.list(p));
        }
        long expected = 0;
        for (Path f : all) {
            expected += estimate(f);
        }
        long started = System.nanoTime();
        AtomicLong read = new AtomicLong();
        AtomicLong published = new AtomicLong();
        AtomicLong duplicates = new AtomicLong();
        AtomicLong invalid = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<CompletableFuture<ArticleIntake.Outcome>> pending = new ArrayList<>();
        Progress progress = terminal ? new BarProgress(expected, progressOut) : new LineProgress(expected, progressOut, started);
        try {
            for (Path file : all) {
                List<InterruptedException> interrupted = new ArrayList<>();
                files.readFile(file, new ArticleFiles.Sink() {
                    @Override
                    public void article(RawArticle article, Path from) {
                        try {
                            CompletableFuture<ArticleIntake.Outcome> f = intake.submit(article).whenComplete((o, e) -> {
                                if (e != null) {
                                    failed.incrementAndGet();
                                } else if (o == ArticleIntake.Outcome.PUBLISHED) {
                                    published.incrementAndGet();
                                } else {
                                    duplicates.incrementAndGet();
                                }
                            });
                            if (!f.isDone()) {
                                pending.add(f);
                            }
                            progress.step(read.incrementAndGet());
                        } catch (InterruptedException e) {
                            interrupted.add(e);
                            Thread.currentThread().interrupt();
                        }
                    }

                    @Override
                    public void invalid(String where, String message) {
                        invalid.incrementAndGet();
                        Metrics.counter("newswatch.errors", "component", "files", "reason", "invalid-article").increment();
                        log.warn("Skipping invalid article at {}: {}", where, message);
                    }

                    @Override
                    public void rejected(Path bad, String reason) {
                        invalid.incrementAndGet();
                        Metrics.counter("newswatch.errors", "component", "files", "reason", "rejected-file").increment();
                        log.warn("Rejected file {}: {}", bad, reason);
                    }
                });
                if (!interrupted.isEmpty()) {
                    throw interrupted.get(0);
                }
                pending.removeIf(CompletableFuture::isDone);
            }
            for (CompletableFuture<ArticleIntake.Outcome> f : pending) {
                try {
                    f.join();
                } catch (RuntimeException e) {
                    // counted in failed
                }
            }
        } finally {
            progress.close();
        }
        return new Summary(read.get(), published.get(), duplicates.get(), invalid.get(), failed.get(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** Articles in a file, cheaply: lines of a JSON-lines file, one for anything else. */
    private static long estimate(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".jsonl") && !name.endsWith(".ndjson")) {
            return 1;
        }
        // Counting line breaks, not decoding: a file that is not UTF-8 is reported when it is read.
        long n = 0;
        boolean content = false;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 65536)) {
            byte[] buf = new byte[65536];
            int len;
            while ((len = in.read(buf)) > 0) {
                for (int i = 0; i < len; i++) {
                    byte b = buf[i];
                    if (b == '\n') {
                        n += content ? 1 : 0;
                        content = false;
                    } else if (b != ' ' && b != '\r' && b != '\t') {
                        content = true;
                    }
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            return 0;
        }
        return n + (content ? 1 : 0);
    }

    private interface Progress extends AutoCloseable {
        void step(long done);

        @Override
        void close();
    }

    private static final class BarProgress implements Progress {
        private final ProgressBar bar;

        BarProgress(long expected, PrintStream out) {
            bar = new ProgressBarBuilder().setTaskName("Backfill").setInitialMax(expected).setUnit(" articles", 1)
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.InteractiveConsoleProgressBarConsumer(out))
                    .showSpeed().build();
        }

        @Override
        public void step(long done) {
            bar.stepTo(done);
            if (done > bar.getMax()) {
                bar.maxHint(done);
            }
        }

        @Override
        public void close() {
            bar.close();
        }
    }

    private static final class LineProgress implements Progress {
        private final long expected;
        private final PrintStream out;
        private final long started;
        private long lastPrint;
        private long done;

        LineProgress(long expected, PrintStream out, long started) {
            this.expected = expected;
            this.out = out;
            this.started = started;
            this.lastPrint = started;
        }

        @Override
        public void step(long done) {
            this.done = done;
            long now = System.nanoTime();
            if (now - lastPrint >= PLAIN_PROGRESS_EVERY_NANOS) {
                lastPrint = now;
                print(now);
            }
        }

        private void print(long now) {
            double seconds = (now - started) / 1e9;
            double rate = seconds == 0 ? 0 : done / seconds;
            long left = Math.max(0, expected - done);
            out.printf(Locale.ROOT, "backfill: %d/%d articles, %.0f/s, ETA %s%n", done, Math.max(expected, done), rate,
                    rate == 0 ? "?" : Duration.ofSeconds((long) (left / rate)).toString().substring(2).toLowerCase(Locale.ROOT));
        }

        @Override
        public void close() {
            print(System.nanoTime());
        }
    }
}
