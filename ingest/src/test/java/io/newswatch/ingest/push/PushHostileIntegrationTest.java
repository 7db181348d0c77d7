package io.newswatch.ingest.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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

/** The hostile corpus pushed to the API: each bad body is a 400 naming its problem, the server keeps serving. */
class PushHostileIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path state;

    private final HttpClient client = HttpClient.newHttpClient();
    private final KafkaConnection connection = TestPlatform.connection();
    private final Topics topics = TestPlatform.uniqueTopics("push-hostile");

    @Test
    void everyHostileBodyIsRefusedWithItsReasonAndGoodOnesStillGoThrough() throws Exception {
        try (IngestPipeline pipeline = IngestPipeline.open(connection, topics, new TopicLayout(1, (short) 1),
                new SeenArticles(state), Map.of());
             PushServer server = new PushServer(new InetSocketAddress("127.0.0.1", 0), null, 10 * 1024 * 1024,
                     Duration.ofSeconds(30), pipeline.intake(), Clock.systemUTC()).start()) {
            URI uri = URI.create("http://127.0.0.1:" + server.port() + "/articles");
            String json = "application/json";
            String ndjson = "application/x-ndjson";

            assertThat(post(uri, json, HostileInputs.committed("invalid-utf8.json")).statusCode()).isEqualTo(400);
            assertThat(post(uri, json, HostileInputs.committed("binary.json")).statusCode()).isEqualTo(400);
            assertThat(post(uri, json, HostileInputs.committed("binary.txt")).statusCode()).isEqualTo(400);

            HttpResponse<String> oneBad = post(uri, ndjson, HostileInputs.committed("one-bad-line.jsonl"));
            assertThat(oneBad.statusCode()).isEqualTo(400);
            HttpResponse<String> types = post(uri, ndjson, HostileInputs.committed("wrong-types.jsonl"));
            assertThat(types.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(types.body()).get("errors").toString()).contains("title").contains("authors");
            HttpResponse<String> dates = post(uri, ndjson, HostileInputs.committed("absurd-dates.jsonl"));
            assertThat(dates.statusCode()).isEqualTo(400);
            assertThat(dates.body()).contains("must lie between 1900");
            HttpResponse<String> missing = post(uri, ndjson, HostileInputs.committed("missing-fields.jsonl"));
            assertThat(missing.statusCode()).isEqualTo(400);

            String title = HostileInputs.hugeTitle(1024 * 1024);
            HttpResponse<String> hugeTitle = post(uri, json, ("{\"title\": \"" + title + "\", \"text\": \"t\"}")
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(hugeTitle.statusCode()).isEqualTo(400);
            assertThat(hugeTitle.body()).contains("longer than 2000 characters");

            String deepJson = "[".repeat(100_000) + "]".repeat(100_000);
            assertThat(post(uri, json, deepJson.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(400);

            // Good ones, hostile in their content only: cleaned and published.
            HttpResponse<String> control = post(uri, json, HostileInputs.committed("control-chars.json"));
            assertThat(control.statusCode()).as(control.body()).isEqualTo(202);
            String nestedHtml = JSON.writeValueAsString(Map.of("url", "https://hostile.example/nested", "title", "Nested",
                    "html", HostileInputs.nestedPage(100_000)));
            HttpResponse<String> nested = post(uri, json, nestedHtml.getBytes(StandardCharsets.UTF_8));
            assertThat(nested.statusCode()).as(nested.body()).isEqualTo(202);
        }
        List<ConsumerRecord<String, RawArticle>> records;
        try (NewswatchSerdes serdes = new NewswatchSerdes(connection.serdeConfig())) {
            records = TopicReader.read(connection, topics.raw(), new StringDeserializer(), serdes.rawArticle().deserializer(), 3,
                    Duration.ofSeconds(5));
        }
        assertThat(records).extracting(r -> r.value().getTitle()).containsExactlyInAnyOrder("Control characters[2J in the title",
                "Nested");
    }

    private HttpResponse<String> post(URI uri, String contentType, byte[] body) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
