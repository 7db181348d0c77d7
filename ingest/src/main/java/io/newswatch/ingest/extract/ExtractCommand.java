package io.newswatch.ingest.extract;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.newswatch.articles.ArticleFiles;
import io.newswatch.articles.ArticleJson;
import io.newswatch.articles.extract.PageArticles;
import io.newswatch.articles.extract.PageCharset;
import io.newswatch.articles.extract.PageExtractor;
import io.newswatch.ingest.cli.FetchOptions;
import io.newswatch.ingest.http.FetchException;
import io.newswatch.ingest.http.FetchResponse;
import io.newswatch.ingest.http.HttpFetcher;
import io.newswatch.ingest.http.RobotsRules;
import io.newswatch.schemas.Origin;
import io.newswatch.schemas.RawArticle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newswatch extract PATH|URL}: shows what ingest would publish for one page or file. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Show what ingest would publish for one article page (URL or saved .html) or article file "
                + "(.txt, .json, .jsonl): title, text, authors, times, canonical URL, language.")
public final class ExtractCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Mixin
    FetchOptions fetchOptions;

    @Mixin
    io.newswatch.ingest.cli.FileLimitOptions fileLimits;

    @Parameters(paramLabel = "PATH|URL", description = "A file, or an http(s) URL to fetch.")
    String target;

    @Option(names = "--json", description = "Print the article(s) as JSON.")
    boolean json;

    @Option(names = "--ignore-robots", description = "Fetch the page even if its site's robots.txt disallows it for "
            + "the User-Agent (by default robots.txt is consulted, as ingest does).")
    boolean ignoreRobots;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<RawArticle> articles = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String lower = target.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            try {
                HttpFetcher fetcher = new HttpFetcher(fetchOptions.settings());
                URI uri = URI.create(target);
                if (!ignoreRobots && !new RobotsRules(fetcher).allows(uri)) {
                    err.println("newswatch extract: robots.txt of " + uri.getHost() + " disallows " + target
                            + " for this User-Agent (--ignore-robots to fetch it anyway)");
                    return 1;
                }
                FetchResponse r = fetcher.get(uri);
                if (!r.ok()) {
                    err.println("newswatch extract: " + target + " answered HTTP " + r.status());
                    return 1;
                }
                var page = new PageExtractor(fileLimits.limits().maxNesting()).extract(PageCharset.decode(r.body(), r.header("content-type")), r.uri().toString());
                Optional<RawArticle> a = PageArticles.build(page, PageArticles.Hints.ofUrl(r.uri().toString()), Origin.PAGE,
                        Clock.systemUTC().instant());
                a.ifPresentOrElse(articles::add, () -> problems.add(target + ": no article text found"));
            } catch (FetchException e) {
                err.println("newswatch extract: " + e.getMessage());
                return 1;
            }
        } else {
            Path file;
            try {
                file = Path.of(target);
            } catch (java.nio.file.InvalidPathException e) {
                err.println("newswatch extract: not a file name: " + e.getMessage());
                return 2;
            }
            if (!Files.isRegularFile(file)) {
                err.println("newswatch extract: no such file: " + target);
                return 2;
            }
            new ArticleFiles(new ArticleJson(new PageExtractor(fileLimits.limits().maxNesting())), Clock.systemUTC(),
                    fileLimits.limits()).readFile(file, new ArticleFiles.Sink() {
                @Override
                public void article(RawArticle article, Path from) {
                    articles.add(article);
                }

                @Override
                public void invalid(String where, String message) {
                    problems.add(where + ": " + message);
                }

                @Override
                public void rejected(Path bad, String reason) {
                    problems.add(bad + ": rejected: " + reason);
                }
            });
        }
        for (RawArticle a : articles) {
            if (json) {
                out.println(JSON.writeValueAsString(view(a)));
            } else {
                print(out, a);
            }
        }
        problems.forEach(err::println);
        out.flush();
        return problems.isEmpty() ? 0 : 1;
    }

    private static Map<String, Object> view(RawArticle a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.getId());
        m.put("title", a.getTitle());
        m.put("url", a.getUrl());
        m.put("canonicalUrl", a.getCanonicalUrl());
        m.put("source", a.getSource().getName());
        m.put("authors", a.getAuthors());
        m.put("publishedAt", a.getPublishedAt() == null ? null : a.getPublishedAt().toString());
        m.put("modifiedAt", a.getAttributes().get("modifiedAt"));
        m.put("language", a.getLanguage());
        m.put("contentHash", a.getContentHash());
        m.put("text", a.getText());
        return m;
    }

    private static void print(PrintWriter out, RawArticle a) {
        out.println("Title:         " + a.getTitle());
        out.println("Id:            " + a.getId());
        out.println("Canonical URL: " + orDash(a.getCanonicalUrl()));
        out.println("Source:        " + a.getSource().getName());
        out.println("Authors:       " + (a.getAuthors().isEmpty() ? "-" : String.join(", ", a.getAuthors())));
        out.println("Published:     " + (a.getPublishedAt() == null ? "-" : a.getPublishedAt()));
        out.println("Modified:      " + orDash(a.getAttributes().get("modifiedAt")));
        out.println("Language:      " + orDash(a.getLanguage()));
        out.println("Paragraphs:    " + a.getText().split("\n\n").length);
        out.println();
        out.println(a.getText());
        out.println();
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }
}
