package io.newswatch.articles;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * or an array), {@code .txt} (first line the title) and {@code .html} (a saved article page). A bad
 * article is reported with its file and line and skipped; the others are still read. A file that
 * cannot be used at all (unreadable, too large, binary, JSON that is not UTF-8, extraction taking
 * too long) is reported once as rejected, with the reason; it never stops the caller.
 */
public final class ArticleFiles {

    /** Receives what was read. */
    public interface Sink {
        void article(RawArticle article, Path file);

        /** One article could not be used ({@code where}: file, line or index); the rest of the file still counts. */
        void invalid(String where, String message);

        /** The whole file could not be used; by default reported like an invalid article. */
        default void rejected(Path file, String reason) {
            invalid(file.toString(), reason);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    // Extraction runs here so that it can be given up after its time limit; the threads are daemons.
    private static final ExecutorService EXTRACTION = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "article-extraction");
        t.setDaemon(true);
        return t;
    });

    private final ArticleJson json;
    private final Clock clock;
    private final FileLimits limits;
    private final PageExtractor pages;

    public ArticleFiles(ArticleJson json, Clock clock) {
        this(json, clock, FileLimits.defaults());
    }

    public ArticleFiles(ArticleJson json, Clock clock, FileLimits limits) {
        this.json = json;
        this.clock = clock;
        this.limits = limits;
        this.pages = new PageExtractor(limits.maxNesting());
    }

    public static boolean isSupported(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json") || name.endsWith(".txt")
                || name.endsWith(".html") || name.endsWith(".htm");
    }

    /** The supported files under {@code path} (itself if it is a file), in name order. */
    public static List<Path> list(Path path) throws IOException {
        return list(path, p -> false);
    }

    /** As {@link #list(Path)}, leaving out the directories {@code skip} names (e.g. a quarantine folder). */
    public static List<Path> list(Path path, java.util.function.Predicate<Path> skip) throws IOException {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(p -> !skipped(path, p, skip)).filter(Files::isRegularFile).filter(ArticleFiles::isSupported)
                    .sorted().toList();
        }
    }

    private static boolean skipped(Path root, Path file, java.util.function.Predicate<Path> skip) {
        for (Path p = file.getParent(); p != null && p.startsWith(root); p = p.getParent()) {
            if (skip.test(p)) {
                return true;
            }
        }
        return false;
    }

    /** Reads every article of {@code path} (a file or a directory) into {@code sink}. */
    public void read(Path path, Sink sink) throws IOException {
        for (Path file : list(path)) {
            readFile(file, sink);
        }
    }

    /** Reads one file into {@code sink}; whatever is wrong with it goes to the sink, nothing is thrown for it. */
    public void readFile(Path file, Sink sink) throws IOException {
        try {
            readChecked(file, sink);
        } catch (Rejected e) {
            sink.rejected(file, e.getMessage());
        } catch (InvalidArticleException e) {
            sink.invalid(file.toString(), e.getMessage());
        } catch (NoSuchFileException e) {
            // removed since it was listed: nothing to read, nothing to report
        } catch (IOException e) {
            sink.rejected(file, "cannot be read: " + e);
        }
    }

    private void readChecked(Path file, Sink sink) throws IOException, Rejected, InvalidArticleException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            readLines(file, sink);
            return;
        }
        if (!isSupported(file)) {
            throw new Rejected("unsupported file type (use .jsonl, .json, .txt or .html)");
        }
        byte[] bytes = readBounded(file);
        if (name.endsWith(".json")) {
            readJson(file, bytes, sink);
            return;
        }
        Optional<String> binary = FileText.binary(bytes);
        if (binary.isPresent()) {
            throw new Rejected(binary.get());
        }
        if (name.endsWith(".txt")) {
            RawArticle article = bounded(() -> TextArticleFile.parse(FileText.lenient(bytes), "files", clock.instant(),
                    file.getFileName().toString()));
            if (article.getText().isBlank()) {
                sink.invalid(file.toString(), "no text after the title line");
            } else if (article.getTitle().length() > ArticleJson.MAX_TITLE_CHARS) {
                sink.invalid(file.toString(), "title (the first line) longer than " + ArticleJson.MAX_TITLE_CHARS
                        + " characters (" + article.getTitle().length() + ")");
            } else {
                publishable(article, file, sink);
            }
        } else {
            ExtractedPage page = bounded(() -> pages.extract(PageCharset.decode(bytes, null), null));
            Optional<RawArticle> article = PageArticles.build(page, PageArticles.Hints.ofUrl(null), Origin.FILE, clock.instant());
            if (article.isEmpty()) {
                sink.invalid(file.toString(), "no article text found in the page");
            } else {
                RawArticle a = article.get();
                a.getAttributes().put("file", file.getFileName().toString());
                if (a.getSource().getName().equals("unknown")) {
                    a.getSource().setName("files");
                }
                publishable(a, file, sink);
            }
        }
    }

    private void publishable(RawArticle article, Path file, Sink sink) {
        if (article.getText().length() > ArticleJson.MAX_TEXT_CHARS) {
            sink.invalid(file.toString(), "text longer than " + ArticleJson.MAX_TEXT_CHARS + " characters ("
                    + article.getText().length() + ")");
        } else {
            sink.article(article, file);
        }
    }

    private void readJson(Path file, byte[] bytes, Sink sink) throws Rejected {
        String content;
        try {
            content = FileText.utf8(bytes);
        } catch (CharacterCodingException e) {
            throw new Rejected(e.getMessage() + "; JSON files must be UTF-8");
        }
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JsonProcessingException e) {
            sink.invalid(file + (e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr()),
                    "invalid JSON: " + e.getOriginalMessage());
            return;
        }
        if (root != null && root.isArray()) {
            for (int i = 0; i < root.size(); i++) {
                convert(root.get(i), file, file + "[" + i + "]", sink);
            }
        } else {
            convert(root, file, file.toString(), sink);
        }
    }

    /** JSON lines: each line on its own, so a line too long, not UTF-8 or not JSON costs only itself. */
    private void readLines(Path file, Sink sink) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 65536)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int number = 0;
            boolean tooLong = false;
            int b;
            while (true) {
                b = in.read();
                if (b == '\n' || b < 0) {
                    if (b < 0 && line.size() == 0 && !tooLong) {
                        break;
                    }
                    number++;
                    String where = file + ":" + number;
                    if (tooLong) {
                        sink.invalid(where, "line longer than the limit of " + limits.maxBytes() + " bytes");
                    } else {
                        oneLine(line.toByteArray(), file, where, sink);
                    }
                    line.reset();
                    tooLong = false;
                    if (b < 0) {
                        break;
                    }
                } else if (!tooLong) {
                    if (line.size() >= limits.maxBytes()) {
                        tooLong = true; // skip the rest of the line without keeping it
                        line.reset();
                    } else {
                        line.write(b);
                    }
                }
            }
        }
    }

    private void oneLine(byte[] bytes, Path file, String where, Sink sink) {
        String line;
        try {
            line = FileText.utf8(bytes);
        } catch (CharacterCodingException e) {
            sink.invalid(where, e.getMessage() + "; JSON lines must be UTF-8");
            return;
        }
        if (line.isBlank()) {
            return;
        }
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
            RawArticle article = node != null && node.hasNonNull("html") && !node.hasNonNull("text")
                    ? bounded(() -> json.parse(node, Origin.FILE, clock.instant(), null))
                    : json.parse(node, Origin.FILE, clock.instant(), null);
            sink.article(article, file);
        } catch (InvalidArticleException e) {
            sink.invalid(where, e.getMessage());
        } catch (Rejected e) {
            sink.invalid(where, e.getMessage());
        }
    }

    /** Runs an extraction, giving up after the time limit so that one pathological file cannot hold up the others. */
    private <T> T bounded(Callable<T> work) throws Rejected, InvalidArticleException {
        Future<T> f = EXTRACTION.submit(work);
        try {
            return f.get(limits.extractTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new Rejected("extraction took longer than " + limits.extractTimeout().toSeconds() + " s; given up");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InvalidArticleException invalid) {
                throw invalid;
            }
            throw new Rejected("extraction failed: " + e.getCause());
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new Rejected("interrupted while extracting");
        }
    }

    private byte[] readBounded(Path file) throws IOException, Rejected {
        long size = Files.size(file);
        if (size > limits.maxBytes()) {
            throw new Rejected(size + " bytes, larger than the limit of " + limits.maxBytes() + " bytes");
        }
        try (InputStream in = Files.newInputStream(file)) {
            // The file may have grown since its size was read: never take more than the limit.
            byte[] bytes = in.readNBytes((int) limits.maxBytes() + 1);
            if (bytes.length > limits.maxBytes()) {
                throw new Rejected("larger than the limit of " + limits.maxBytes() + " bytes");
            }
            return bytes;
        }
    }

    /** A file that cannot be used at all. */
    private static final class Rejected extends Exception {
        Rejected(String reason) {
            super(reason);
        }
    }
}
