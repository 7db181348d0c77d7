package io.newswatch.ingest.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
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
import io.newswatch.schemas.Origin;
import io.newswatch.schemas.RawArticle;
import io.newswatch.testkit.TestPlatform;
import io.newswatch.testkit.TopicReader;

class PushServerIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path state;

    private final HttpClient client = HttpClient.newHttpClient();
    private final KafkaConnection connection = TestPlatform.connection();
    private final Topics topics = TestPlatform.uniqueTopics("push");

    @Test
    void acceptsValidArticlesAndAnswersEachErrorWithItsStatus() throws Exception {
        List<JsonNode> accepted = new ArrayList<>();
        try (IngestPipeline pipeline = IngestPipeline.open(connection, topics, new TopicLayout(1, (short) 1),
                new SeenArticles(state), Map.of());
             PushServer server = new PushServer(new InetSocketAddress("127.0.0.1", 0), "s3cret", 2048, Duration.ofSeconds(30),
                     pipeline.intake(), Clock.systemUTC()).start()) {
            URI uri = URI.create("http://127.0.0.1:" + server.port() + "/articles");

            HttpResponse<String> one = post(uri, "application/json", "s3cret", """
                    {"url": "https://herald.example/a?utm_source=x", "title": "Bridge reopens", "text": "The bridge reopened.",
                     "source": "Herald", "publishedAt": "2024-05-14T05:30:00Z", "language": "en"}""");
            assertThat(one.statusCode()).isEqualTo(202);
            accepted.add(JSON.readTree(one.body()));

            HttpResponse<String> ndjson = post(uri, "application/x-ndjson", "s3cret",
                    "{\"title\": \"One\", \"text\": \"First pushed text.\"}\n{\"title\": \"Two\", \"html\": \"<p>Second <b>pushed</b> text.</p>\"}\n");
            assertThat(ndjson.statusCode()).isEqualTo(202);
            accepted.add(JSON.readTree(ndjson.body()));

            HttpResponse<String> again = post(uri, "application/json", "s3cret",
                    "[{\"title\": \"One\", \"text\": \"First pushed text.\"}]");
            assertThat(again.statusCode()).isEqualTo(202);
            assertThat(JSON.readTree(again.body()).at("/articles/0/duplicate").asBoolean()).isTrue();

            HttpResponse<String> invalid = post(uri, "application/json", "s3cret",
                    "[{\"title\": \"ok\", \"text\": \"fine\"}, {\"title\": 5, \"publishedAt\": \"yesterday\", \"url\": \"ftp://x\"}]");
            assertThat(invalid.statusCode()).isEqualTo(400);
            JsonNode errors = JSON.readTree(invalid.body()).get("errors");
            List<String> fields = new ArrayList<>();
            errors.forEach(e -> fields.add(e.get("index").asInt() + ":" + e.get("field").asText()));
            assertThat(fields).containsExactlyInAnyOrder("1:title", "1:text", "1:publishedAt", "1:url");

            assertThat(post(uri, "application/json", "s3cret", "{not json").statusCode()).isEqualTo(400);
            assertThat(post(uri, "application/json", null, "{}").statusCode()).isEqualTo(401);
            assertThat(post(uri, "application/json", "wrong", "{}").statusCode()).isEqualTo(401);
            assertThat(post(uri, "text/plain", "s3cret", "hello").statusCode()).isEqualTo(415);
            assertThat(post(uri, "application/json", "s3cret", "{\"text\": \"" + "x".repeat(4096) + "\"}").statusCode())
                    .isEqualTo(413);
        }

        assertThat(accepted.get(0).get("ids")).hasSize(1);
        assertThat(accepted.get(1).get("ids")).hasSize(2);
        List<ConsumerRecord<String, RawArticle>> records;
        try (NewswatchSerdes serdes = new NewswatchSerdes(connection.serdeConfig())) {
            records = TopicReader.read(connection, topics.raw(), new StringDeserializer(), serdes.rawArticle().deserializer(), 4,
                    Duration.ofSeconds(5));
        }
        assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(
                accepted.get(0).get("ids").get(0).asText(), accepted.get(1).get("ids").get(0).asText(),
                accepted.get(1).get("ids").get(1).asText());
        RawArticle first = records.stream().map(ConsumerRecord::value).filter(a -> a.getTitle().equals("Bridge reopens"))
                .findFirst().orElseThrow();
        assertThat(first.getOrigin()).isEqualTo(Origin.PUSH);
        assertThat(first.getCanonicalUrl()).isEqualTo("https://herald.example/a");
        assertThat(records.stream().map(ConsumerRecord::value).filter(a -> a.getTitle().equals("Two")).findFirst().orElseThrow()
                .getText()).isEqualTo("Second pushed text.");
    }

    private HttpResponse<String> post(URI uri, String contentType, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
