package io.newswatch.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

class ExtractCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsTheCleanedSampleStory() {
        Result r = run("../samples/000_5cfd2a8c41dea5d4.txt");

        assertThat(r.code).isZero();
        assertThat(r.out).contains("Title:         London attacker used WhatsApp, firm must help police get access, official says")
                .contains("Masood sent an encrypted message on WhatsApp")
                .contains("the statement said")
                .doesNotContain("NOW PLAYING", "Related coverage", "Boyfriend of woman", "Leave a Reply", "Your email address");
    }

    @Test
    void printsJsonForASavedPage() throws Exception {
        Path page = dir.resolve("bridge.html");
        try (InputStream in = getClass().getResourceAsStream("/pages/news-article.html")) {
            Files.write(page, in.readAllBytes());
        }

        Result r = run(page.toString(), "--json");

        assertThat(r.code).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out);
        assertThat(json.get("title").asText()).isEqualTo("Harbour bridge reopens after six-month repair");
        assertThat(json.get("canonicalUrl").asText()).isEqualTo("https://www.coastalherald.example/news/2024/05/harbour-bridge-reopens");
        assertThat(json.get("publishedAt").asText()).isEqualTo("2024-05-14T05:30:00Z");
        assertThat(json.get("language").asText()).isEqualTo("en-GB");
        assertThat(json.get("authors")).hasSize(2);
        assertThat(json.get("text").asText()).startsWith("The Harbour Bridge reopened").doesNotContain("cookies");
    }

    @Test
    void refusesLoopbackUrlsByDefault() {
        Result r = run("http://127.0.0.1:9/article");

        assertThat(r.code).isEqualTo(1);
        assertThat(r.err).contains("not a public address");
    }

    @Test
    void namesAFileItCannotUseAndCleansTheOnesItCan() throws Exception {
        Path bad = io.newswatch.testkit.HostileInputs.copy("invalid-utf8.json", dir);
        Result r = run(bad.toString());
        assertThat(r.code).isEqualTo(1);
        assertThat(r.err).contains(bad + ": rejected: not valid UTF-8 (first bad byte at offset 57)");

        Path binary = io.newswatch.testkit.HostileInputs.copy("binary.txt", dir);
        Result b = run(binary.toString());
        assertThat(b.code).isEqualTo(1);
        assertThat(b.err).contains(binary + ": rejected: binary content");

        Result nul = run(io.newswatch.testkit.HostileInputs.copy("nul-bytes.txt", dir).toString(), "--json");
        assertThat(nul.code).isZero();
        assertThat(new ObjectMapper().readTree(nul.out).get("title").asText()).isEqualTo("Title with NUL bytes and a bell");

        Result lines = run(io.newswatch.testkit.HostileInputs.copy("one-bad-line.jsonl", dir).toString());
        assertThat(lines.code).isEqualTo(1);
        assertThat(lines.out).contains("Good article 1", "Good article 2", "Good article 3");
        assertThat(lines.err).contains("one-bad-line.jsonl:3: invalid JSON");

        Path huge = dir.resolve("huge.html");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(60L * 1024 * 1024);
        }
        Result h = run(huge.toString());
        assertThat(h.code).isEqualTo(1);
        assertThat(h.err).contains("huge.html: rejected: 62914560 bytes, larger than the limit of 5242880 bytes");
        Result allowed = run(huge.toString(), "--max-file-bytes", "100000000");
        assertThat(allowed.err).doesNotContain("larger than the limit").contains("binary content");
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(new ExtractCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private record Result(int code, String out, String err) {
    }
}
