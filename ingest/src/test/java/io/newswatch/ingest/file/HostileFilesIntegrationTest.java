package io.newswatch.ingest.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newswatch.core.config.KafkaConnection;
import io.newswatch.core.serde.NewswatchSerdes;
import io.newswatch.core.topics.TopicLayout;
import io.newswatch.core.topics.Topics;
import io.newswatch.ingest.IngestPipeline;
import io.newswatch.ingest.dedup.SeenArticles;
import io.newswatch.schemas.RawArticle;
import io.newswatch.testkit.HostileInputs;
import io.newswatch.testkit.TestPlatform;
import io.newswatch.testkit.TopicReader;

/**
 * The hostile corpus in a watched folder and in a backfill, into the real broker: unusable files
 * are moved to {@code rejected/} with their reason, every good article beside them is published,
 * and a restart neither fails on them nor publishes anything twice.
 */
class HostileFilesIntegrationTest {

    /** Good articles in the corpus: 3 + 2 + 1 + 1 lines of JSON, the no-zone date, the three readable text files and page. */
    private static final int GOOD = 3 + 2 + 1 + 1 + 1 + 4;
    private static final Set<String> REJECTED = Set.of("invalid-utf8.json", "binary.txt", "binary.html", "huge.html");

    @TempDir
    Path dir;

    private final KafkaConnection connection = TestPlatform.connection();

    @Test
    void aWatchedFolderOfHostileFilesPublishesEveryGoodArticleAndSetsTheBadFilesAside() throws Exception {
        Path input = corpus(dir.resolve("input"));
        Topics topics = TestPlatform.uniqueTopics("hostile-files");
        DirectoryIngestor first;
        try (IngestPipeline pipeline = IngestPipeline.open(connection, topics, new TopicLayout(1, (short) 1),
                new SeenArticles(dir.resolve("state")), Map.of())) {
            first = new DirectoryIngestor(input, pipeline.intake(), Clock.systemUTC());
            assertThat(first.ingestOnce()).isEqualTo(GOOD);
            assertThat(first.ingestOnce()).isZero();
        }
        assertThat(first.rejections()).hasSize(REJECTED.size() + 1); // binary.json is invalid JSON, reported per article
        assertThat(first.rejections()).anySatisfy(r -> assertThat(r).contains("invalid-utf8.json").contains("not valid UTF-8"));
        assertThat(first.dropped()).isGreaterThanOrEqualTo(REJECTED.size() + 15);
        Path rejected = input.resolve(RejectedFiles.FOLDER);
        for (String name : REJECTED) {
            assertThat(input.resolve(name)).doesNotExist();
            assertThat(rejected.resolve(name)).exists();
            assertThat(Files.readString(rejected.resolve(name + ".reason.txt"))).contains(name);
        }

        // A restart reads the folder again: the rejected files are out of the way, the good ones are known.
        try (IngestPipeline pipeline = IngestPipeline.open(connection, topics, new TopicLayout(1, (short) 1),
                new SeenArticles(dir.resolve("state")), Map.of())) {
            DirectoryIngestor again = new DirectoryIngestor(input, pipeline.intake(), Clock.systemUTC());
            assertThat(again.ingestOnce()).isZero();
            assertThat(again.rejections()).noneSatisfy(r -> assertThat(r).contains("invalid-utf8.json"));
        }

        List<ConsumerRecord<String, RawArticle>> records = read(topics, GOOD + 1);
        assertThat(records).hasSize(GOOD);
        Set<String> titles = records.stream().map(r -> r.value().getTitle()).collect(Collectors.toSet());
        for (int i = 1; i <= 7; i++) {
            assertThat(titles).contains("Good article " + i + " about the Westminster Bridge");
        }
        assertThat(titles).contains("No zone", "Title with NUL bytes and a bell", "Café owners “welcome” the new bridge",
                "Mixed encodings on one page", "Control characters[2J in the title");
        assertThat(records).allSatisfy(r -> assertThat(r.value().getTitle() + r.value().getText()).doesNotContain("\u0000"));
    }

    @Test
    void aBackfillOfHostileFilesCountsTheBadOnesAndPublishesTheRest() throws Exception {
        Path input = corpus(dir.resolve("archive"));
        Topics topics = TestPlatform.uniqueTopics("hostile-backfill");
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        Backfill.Summary summary;
        try (IngestPipeline pipeline = IngestPipeline.open(connection, topics, new TopicLayout(1, (short) 1),
                new SeenArticles(dir.resolve("state")), Map.of())) {
            summary = new Backfill(pipeline.intake(), Clock.systemUTC(), new PrintStream(progress, true, StandardCharsets.UTF_8),
                    false).run(List.of(input));
        }
        assertThat(summary.published()).isEqualTo(GOOD);
        assertThat(summary.invalid()).isGreaterThanOrEqualTo(REJECTED.size() + 15);
        assertThat(summary.failed()).isZero();
        // a backfill does not move the user's archive
        assertThat(input.resolve("invalid-utf8.json")).exists();
        assertThat(read(topics, GOOD + 1)).hasSize(GOOD);
    }

    private static Path corpus(Path input) throws Exception {
        Files.createDirectories(input);
        for (String name : HostileInputs.COMMITTED) {
            if (!name.endsWith(".rss") && !name.endsWith(".atom")) {
                HostileInputs.copy(name, input);
            }
        }
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(input.resolve("huge.html").toFile(), "rw")) {
            f.setLength(60L * 1024 * 1024);
        }
        return input;
    }

    private List<ConsumerRecord<String, RawArticle>> read(Topics topics, int atLeast) throws Exception {
        try (NewswatchSerdes serdes = new NewswatchSerdes(connection.serdeConfig())) {
            return TopicReader.read(connection, topics.raw(), new StringDeserializer(), serdes.rawArticle().deserializer(),
                    atLeast, Duration.ofSeconds(5));
        }
    }
}
