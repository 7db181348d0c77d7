package io.newswatch.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Hostile inputs for the reliability tests. The small ones are committed under
 * {@code hostile/} on the classpath; the big ones are made here at test time, and so are the
 * mutated copies of the real sample articles (deterministic: a fixed seed gives the same bytes).
 */
public final class HostileInputs {

    /** The committed files, by name. */
    public static final List<String> COMMITTED = List.of("invalid-utf8.json", "binary.txt", "binary.html", "binary.json",
            "windows-1252.txt", "nul-bytes.txt", "mixed-encodings.html", "one-bad-line.jsonl", "invalid-utf8-line.jsonl",
            "wrong-types.jsonl", "missing-fields.jsonl", "absurd-dates.jsonl", "control-chars.json", "xxe.rss",
            "billion-laughs.atom");

    public static final long MUTATION_SEED = 20261202L;

    private HostileInputs() {
    }

    public static byte[] committed(String name) {
        try (InputStream in = HostileInputs.class.getResourceAsStream("/hostile/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no hostile input " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the committed file {@code name} into {@code dir}. */
    public static Path copy(String name, Path dir) throws IOException {
        return Files.write(dir.resolve(name), committed(name));
    }

    /** A page of about {@code bytes} bytes: valid HTML, one long article, written without holding it in memory. */
    public static Path hugePage(Path file, long bytes) throws IOException {
        byte[] paragraph = "<p>An endless article paragraph that repeats itself, over and over, to make the page huge.</p>\n"
                .getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write("<html><head><title>A huge page</title></head><body><article>\n".getBytes(StandardCharsets.US_ASCII));
            for (long written = 0; written < bytes; written += paragraph.length) {
                out.write(paragraph);
            }
            out.write("</article></body></html>\n".getBytes(StandardCharsets.US_ASCII));
        }
        return file;
    }

    /** A page with {@code depth} nested {@code <div>}s around a real paragraph. */
    public static String nestedPage(int depth) {
        StringBuilder s = new StringBuilder(depth * 11 + 400);
        s.append("<html><head><title>Deeply nested page</title></head><body>");
        s.append("<div>".repeat(depth));
        s.append("<p>The one paragraph of this page sits at the bottom of a very deep pile of elements, and it is long "
                + "enough to count as the article's text.</p>");
        s.append("</div>".repeat(depth));
        s.append("</body></html>");
        return s.toString();
    }

    /** A title of {@code chars} characters (words, so that nothing cuts it by accident). */
    public static String hugeTitle(int chars) {
        StringBuilder s = new StringBuilder(chars + 10);
        while (s.length() < chars) {
            s.append("headline ");
        }
        s.setLength(chars);
        return s.toString();
    }

    /** gzip of {@code uncompressed} zero bytes: about a thousandth of that on the wire. */
    public static byte[] gzipBomb(long uncompressed) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes, 1 << 16)) {
            byte[] zeros = new byte[1 << 16];
            for (long n = 0; n < uncompressed; n += zeros.length) {
                gz.write(zeros);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The sample article as a saved page, so that page extraction can be mutated too. */
    public static String asPage(String sampleText) {
        String[] lines = sampleText.split("\n", 2);
        StringBuilder s = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(lines[0])).append("</title><meta property=\"article:published_time\" content=\"2017-03-26T10:00:00Z\">")
                .append("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"")
                .append(escape(lines[0]).replace("\"", "'")).append("\",\"author\":{\"name\":\"A Reporter\"}}</script>")
                .append("</head><body><nav><a href=\"/\">Home</a></nav><article><h1>").append(escape(lines[0])).append("</h1>");
        if (lines.length > 1) {
            for (String p : lines[1].split("\n\n")) {
                if (!p.isBlank()) {
                    s.append("<p>").append(escape(p.strip())).append("</p>\n");
                }
            }
        }
        return s.append("</article><footer>Footer</footer></body></html>").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * {@code count} mutated copies of {@code original}: bytes flipped, random bytes (NULs, invalid
     * UTF-8, markup) inserted, spans deleted, duplicated or truncated, stacked one to eight at a time.
     */
    public static List<byte[]> mutations(byte[] original, int count, long seed) {
        Random random = new Random(seed);
        String[] snippets = {"\u0000", "<div>", "</p>", "<![CDATA[", "<!--", "&#0;", "&#xD800;", "\"", "<script>", "\uFFFD",
            "<meta charset=\"bogus\">", "<p>", "&lol;", "\r", "<title>"};
        List<byte[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            byte[] current = original.clone();
            int steps = 1 + random.nextInt(8);
            for (int s = 0; s < steps && current.length > 0; s++) {
                int at = random.nextInt(current.length);
                b.reset();
                switch (random.nextInt(6)) {
                    case 0 -> { // flip bytes
                        for (int k = 0; k < 1 + random.nextInt(16); k++) {
                            current[random.nextInt(current.length)] ^= (byte) (1 << random.nextInt(8));
                        }
                        continue;
                    }
                    case 1 -> { // random bytes
                        b.write(current, 0, at);
                        byte[] junk = new byte[1 + random.nextInt(64)];
                        random.nextBytes(junk);
                        b.write(junk, 0, junk.length);
                        b.write(current, at, current.length - at);
                    }
                    case 2 -> { // markup or entities
                        b.write(current, 0, at);
                        byte[] snip = snippets[random.nextInt(snippets.length)].repeat(1 + random.nextInt(50))
                                .getBytes(StandardCharsets.UTF_8);
                        b.write(snip, 0, snip.length);
                        b.write(current, at, current.length - at);
                    }
                    case 3 -> { // delete a span
                        int len = Math.min(current.length - at, random.nextInt(2000));
                        b.write(current, 0, at);
                        b.write(current, at + len, current.length - at - len);
                    }
                    case 4 -> { // duplicate a span
                        int len = Math.min(current.length - at, random.nextInt(4000));
                        b.write(current, 0, at + len);
                        b.write(current, at, current.length - at);
                    }
                    default -> b.write(current, 0, at); // truncate
                }
                current = b.toByteArray();
            }
            out.add(current);
        }
        return out;
    }
}
