package io.newswatch.articles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newswatch.articles.extract.NestingLimit;
import io.newswatch.articles.extract.PageExtractor;
import io.newswatch.schemas.RawArticle;
import io.newswatch.testkit.HostileInputs;

/** Every hostile file gives articles, per-article problems or one rejection with its reason; none throws or hangs. */
class HostileArticleFilesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
    private static final Path SAMPLES = Paths.get("../samples").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private final ArticleFiles files = new ArticleFiles(new ArticleJson(new PageExtractor()), CLOCK);

    @Test
    void jsonThatIsNotUtf8IsRejectedWithTheFileNameAndOffset() throws Exception {
        Outcome o = read("invalid-utf8.json");
        assertThat(o.articles).isEmpty();
        assertThat(o.rejected).singleElement().asString().contains("invalid-utf8.json").contains("not valid UTF-8")
                .contains("offset 57");
    }

    @Test
    void binaryFilesAreRejectedAsBinary() throws Exception {
        for (String name : List.of("binary.txt", "binary.html")) {
            Outcome o = read(name);
            assertThat(o.articles).as(name).isEmpty();
            assertThat(o.rejected).as(name).singleElement().asString().contains(name).contains("binary content");
        }
        Outcome json = read("binary.json");
        assertThat(json.articles).isEmpty();
        assertThat(json.problems()).singleElement().asString().contains("binary.json");
    }

    @Test
    void aWindows1252TextFileIsReadLeniently() throws Exception {
        Outcome o = read("windows-1252.txt");
        assertThat(o.problems()).isEmpty();
        RawArticle a = o.articles.get(0);
        assertThat(a.getTitle()).isEqualTo("Café owners “welcome” the new bridge");
        assertThat(a.getText()).contains("trade is up – by 20");
    }

    @Test
    void nulAndControlCharactersAreStrippedFromTitlesAndTexts() throws Exception {
        RawArticle txt = read("nul-bytes.txt").articles.get(0);
        assertThat(txt.getTitle()).isEqualTo("Title with NUL bytes and a bell");
        assertThat(txt.getText()).isEqualTo("Text with a NUL in the middle and an escape [31m sequence.");
        RawArticle json = read("control-chars.json").articles.get(0);
        assertThat(json.getTitle()).isEqualTo("Control characters[2J in the title");
        assertThat(json.getText()).isEqualTo("NUL and C1  controls are removed.\nLines stay.");
    }

    @Test
    void aPageInTwoEncodingsStillGivesItsText() throws Exception {
        Outcome o = read("mixed-encodings.html");
        assertThat(o.problems()).isEmpty();
        assertThat(o.articles.get(0).getText()).contains("This paragraph is UTF-8: café").contains("pasted in Windows-1252");
    }

    @Test
    void everyGoodLineBesideABadOneIsRead() throws Exception {
        Outcome o = read("one-bad-line.jsonl");
        assertThat(o.articles).extracting(RawArticle::getTitle).containsExactly("Good article 1 about the Westminster Bridge",
                "Good article 2 about the Westminster Bridge", "Good article 3 about the Westminster Bridge");
        assertThat(o.invalid).singleElement().asString().contains("one-bad-line.jsonl:3").contains("invalid JSON");

        Outcome utf8 = read("invalid-utf8-line.jsonl");
        assertThat(utf8.articles).hasSize(2);
        assertThat(utf8.invalid).singleElement().asString().contains("invalid-utf8-line.jsonl:2").contains("not valid UTF-8");
    }

    @Test
    void wrongTypesAndMissingFieldsAreNamedPerLine() throws Exception {
        Outcome types = read("wrong-types.jsonl");
        assertThat(types.articles).extracting(RawArticle::getTitle).containsExactly("Good article 6 about the Westminster Bridge");
        assertThat(types.invalid).hasSize(7);
        assertThat(types.invalid.get(0)).contains(":1").contains("title: must be a string");
        assertThat(types.invalid.get(3)).contains(":4").contains("authors: must hold only strings");
        assertThat(types.invalid.get(5)).contains(":6").contains("must be a JSON object");

        Outcome missing = read("missing-fields.jsonl");
        assertThat(missing.articles).hasSize(1);
        assertThat(missing.invalid).hasSize(3).allSatisfy(m -> assertThat(m).contains("is required and must not be empty"));
    }

    @Test
    void absurdDatesAreRefusedAndADateWithoutZoneIsUtc() throws Exception {
        Outcome o = read("absurd-dates.jsonl");
        assertThat(o.invalid).hasSize(3);
        assertThat(o.invalid.get(0)).contains(":1").contains("publishedAt: must lie between 1900");
        assertThat(o.invalid.get(1)).contains(":2").contains("publishedAt: must lie between 1900");
        assertThat(o.invalid.get(2)).contains(":3").contains("must be an ISO-8601 date-time");
        assertThat(o.articles).singleElement().extracting(RawArticle::getPublishedAt)
                .isEqualTo(Instant.parse("2024-05-14T05:30:00Z"));
    }

    @Test
    void aFileLargerThanTheLimitIsRejectedBeforeItIsRead() throws Exception {
        Path huge = dir.resolve("huge.html");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(60L * 1024 * 1024); // sparse: reading it would cost 60 MB, checking its size costs nothing
        }
        Outcome o = read(huge);
        assertThat(o.rejected).singleElement().asString().contains("huge.html")
                .contains("62914560 bytes, larger than the limit of 5242880 bytes");
    }

    @Test
    void aRealSixtyMegabytePageIsRejectedAndAJsonLineOverTheLimitCostsOnlyItself() throws Exception {
        Outcome page = read(HostileInputs.hugePage(dir.resolve("sixty.html"), 60L * 1024 * 1024));
        assertThat(page.rejected).singleElement().asString().contains("larger than the limit");

        Path lines = dir.resolve("long-line.jsonl");
        String good = "{\"title\": \"Fine\", \"text\": \"A fine article after a monstrous line.\"}\n";
        Files.writeString(lines, "{\"title\": \"" + "x".repeat(6 * 1024 * 1024) + "\"}\n" + good);
        Outcome o = read(lines);
        assertThat(o.invalid).singleElement().asString().contains("long-line.jsonl:1").contains("line longer than the limit");
        assertThat(o.articles).extracting(RawArticle::getTitle).containsExactly("Fine");
    }

    @Test
    void a100000ElementsDeepPageIsFlattenedAndStillExtracted() throws Exception {
        String html = HostileInputs.nestedPage(100_000);
        NestingLimit.Result flat = NestingLimit.apply(html, FileLimits.DEFAULT_MAX_NESTING);
        // html and body are levels too
        assertThat(flat.droppedTags()).isEqualTo(2 * (100_000 - (FileLimits.DEFAULT_MAX_NESTING - 2)));
        Path file = Files.writeString(dir.resolve("nested.html"), html);
        // Without the cut this takes tens of seconds and would be rejected after the extraction time limit.
        Outcome o = read(file);
        assertThat(o.problems()).isEmpty();
        assertThat(o.articles.get(0).getText()).startsWith("The one paragraph of this page");
    }

    @Test
    void extractionSlowerThanItsLimitRejectsTheFileInsteadOfHoldingUpTheRest() throws Exception {
        ArticleFiles strict = new ArticleFiles(new ArticleJson(), CLOCK, new FileLimits(FileLimits.DEFAULT_MAX_BYTES,
                1_000_000, Duration.ofMillis(1)));
        Path file = Files.writeString(dir.resolve("nested.html"), HostileInputs.nestedPage(100_000));
        Outcome o = new Outcome();
        strict.readFile(file, o);
        assertThat(o.rejected).singleElement().asString().contains("nested.html").contains("extraction took longer than");
        // The given-up extraction stops too, instead of running on for the tens of seconds the page takes.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (extractionThreadsAtWork() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(extractionThreadsAtWork()).as("extraction threads still running 5 s after the file was given up").isZero();
    }

    private static long extractionThreadsAtWork() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("article-extraction") && t.getState() == Thread.State.RUNNABLE)
                .count();
    }

    @Test
    void oneMegabyteTitlesAreRefusedInFilesAndCutInPages() throws Exception {
        String title = HostileInputs.hugeTitle(1024 * 1024);
        Path json = Files.writeString(dir.resolve("title.jsonl"), "{\"title\": \"" + title + "\", \"text\": \"Some text.\"}\n");
        assertThat(read(json).invalid).singleElement().asString().contains("title: longer than 2000 characters (1048576)");
        Path txt = Files.writeString(dir.resolve("title.txt"), title + "\n\nSome text.\n");
        assertThat(read(txt).invalid).singleElement().asString().contains("title (the first line) longer than 2000");
        Path html = Files.writeString(dir.resolve("title.html"), "<html><head><title>" + title + "</title></head><body>"
                + "<article><p>A paragraph that is long enough to be the text of the page.</p></article></body></html>");
        RawArticle page = read(html).articles.get(0);
        assertThat(page.getTitle().length()).isLessThanOrEqualTo(ArticleJson.MAX_TITLE_CHARS + 1);
        assertThat(page.getTitle()).endsWith("…");
    }

    @Test
    void aThousandMutatedSamplePagesAndTextsNeverThrowAndNeverCarryControlCharacters() throws Exception {
        List<Path> samples;
        try (var s = Files.list(SAMPLES)) {
            samples = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertThat(samples).isNotEmpty();
        int variants = 0;
        int articles = 0;
        int problems = 0;
        for (Path sample : samples) {
            byte[] text = Files.readAllBytes(sample);
            byte[] page = HostileInputs.asPage(new String(text, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            for (String kind : List.of("txt", "html")) {
                List<byte[]> mutants = HostileInputs.mutations(kind.equals("txt") ? text : page, 250,
                        HostileInputs.MUTATION_SEED + sample.hashCode() + kind.hashCode());
                for (int i = 0; i < mutants.size(); i++) {
                    Path file = Files.write(dir.resolve("mutant-" + variants + "." + kind), mutants.get(i));
                    Outcome o = read(file);
                    assertThat(o.articles.size() + o.problems().size()).as(file.toString()).isEqualTo(1);
                    for (RawArticle a : o.articles) {
                        assertThat(CleanText.isClean(a.getTitle(), false)).as("title of %s", file).isTrue();
                        assertThat(CleanText.isClean(a.getText(), true)).as("text of %s", file).isTrue();
                    }
                    articles += o.articles.size();
                    problems += o.problems().size();
                    o.problems().forEach(p -> assertThat(p).contains(file.getFileName().toString()));
                    Files.delete(file);
                    variants++;
                }
            }
        }
        assertThat(variants).isGreaterThanOrEqualTo(1_000);
        assertThat(articles).as("most mutants still hold an article").isGreaterThan(variants / 2);
        System.out.printf("%d mutated samples: %d articles, %d reported%n", variants, articles, problems);
    }

    private Outcome read(String committed) throws Exception {
        return read(HostileInputs.copy(committed, dir));
    }

    private Outcome read(Path file) throws Exception {
        Outcome o = new Outcome();
        files.readFile(file, o);
        return o;
    }

    private static final class Outcome implements ArticleFiles.Sink {
        final List<RawArticle> articles = new ArrayList<>();
        final List<String> invalid = new ArrayList<>();
        final List<String> rejected = new ArrayList<>();

        @Override
        public void article(RawArticle article, Path file) {
            articles.add(article);
        }

        @Override
        public void invalid(String where, String message) {
            invalid.add(where + ": " + message);
        }

        @Override
        public void rejected(Path file, String reason) {
            rejected.add(file + ": " + reason);
        }

        List<String> problems() {
            List<String> all = new ArrayList<>(invalid);
            all.addAll(rejected);
            return all;
        }
    }
}
