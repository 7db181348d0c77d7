package io.newswatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newswatch.core.config.KafkaConnection;
import io.newswatch.core.serde.NewswatchSerdes;
import io.newswatch.core.topics.Topics;
import io.newswatch.schemas.RawArticle;
import io.newswatch.testkit.TestPlatform;
import io.newswatch.testkit.TopicReader;
import picocli.CommandLine;

/** {@code newswatch ingest --once} and {@code newswatch ingest files} wired end to end. */
class IngestCommandIntegrationTest {

    @TempDir
    Path dir;

    @Test
    void onceReadsFeedsAndDirectoryThenBackfillSkipsWhatWasPublished() throws Exception {
        KafkaConnection connection = TestPlatform.connection();
        Topics topics = TestPlatform.uniqueTopics("cmd");
        Path input = Files.createDirectories(dir.resolve("input"));
        Files.writeString(input.resolve("a.jsonl"), "{\"title\": \"From a file\", \"text\": \"Some text from a file.\"}\n");
        try (LoopbackServer server = LoopbackServer.start()) {
            server.content("/rss.xml", "application/rss+xml", "<rss version=\"2.0\"><channel><title>t</title><item>"
                    + "<title>From a feed</title><guid>g1</guid><description>Feed text.</description></item></channel></rss>");
            Path sources = dir.resolve("sources.yaml");
            Files.writeString(sources, "feeds:\n  - url: " + server.url("/rss.xml") + "\n    name: Loopback\n");
            String[] common = {"--bootstrap-servers", connection.bootstrapServers(), "--schema-registry-url",
                    connection.schemaRegistryUrl(), "--raw-topic", topics.raw(), "--dlq-topic", topics.deadLetter(),
                    "--partitions", "1", "--state-dir", dir.resolve("state").toString()};

            assertThat(run(concat(new String[] {"--once", "--sources", sources.toString(), "--input", input.toString(),
                    "--allow-addresses", "127.0.0.1/32"}, common))).isZero();
            assertThat(run(concat(new String[] {"files", input.toString(), "--no-progress-bar"}, common))).isZero();
            assertThat(run(new String[] {"--once"})).isEqualTo(2); // nothing to ingest from
        }
        List<ConsumerRecord<String, RawArticle>> records;
        try (NewswatchSerdes serdes = new NewswatchSerdes(connection.serdeConfig())) {
            records = TopicReader.read(connection, topics.raw(), new StringDeserializer(), serdes.rawArticle().deserializer(), 3,
                    Duration.ofSeconds(4));
        }
        assertThat(records).extracting(r -> r.value().getTitle()).containsExactlyInAnyOrder("From a file", "From a feed");
    }

    private static int run(String[] args) {
        return new CommandLine(new IngestCommand()).setOut(new PrintWriter(new StringWriter()))
                .setErr(new PrintWriter(new StringWriter())).execute(args);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
