package io.newswatch.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.newswatch.articles.ArticleFiles;
import io.newswatch.articles.ArticleJson;
import io.newswatch.core.serde.NewswatchSerdes;
import io.newswatch.enrich.story.StoryAssigner;
import io.newswatch.registry.server.InMemorySchemaStore;
import io.newswatch.registry.server.SchemaRegistryServer;
import io.newswatch.schemas.EnrichedArticle;
import io.newswatch.schemas.RawArticle;

class EnrichTopologyTest {

    private SchemaRegistryServer registry;
    private NewswatchSerdes serdes;
    private TopologyTestDriver driver;
    private TestInputTopic<String, RawArticle> in;
    private TestOutputTopic<String, EnrichedArticle> out;

    @BeforeEach
    void setUp() throws Exception {
        registry = SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore());
        serdes = new NewswatchSerdes(Map.of("schema.registry.url", registry.url()));
        StreamsBuilder builder = new StreamsBuilder();
        EnrichTopology.build(builder, "raw", "enriched", serdes.rawArticle(), serdes.enrichedArticle(),
                SharedNlp.enricher(), Duration.ofHours(72));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "enrich-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(builder.build(), props, Instant.parse("2017-03-27T10:00:00Z"));
        in = driver.createInputTopic("raw", Serdes.String().serializer(), serdes.rawArticle().serializer());
        out = driver.createOutputTopic("enriched", Serdes.String().deserializer(), serdes.enrichedArticle().deserializer());
    }

    @AfterEach
    void tearDown() throws Exception {
        driver.close();
        serdes.close();
        registry.close();
    }

    @Test
    void enrichesEveryArticleUnderItsIdAndGroupsTheSamplesIntoOneStory() throws Exception {
        List<RawArticle> samples = samples();
        samples.forEach(a -> in.pipeInput(a.getId(), a));
        RawArticle other = RawArticle.newBuilder(samples.get(0)).setId("other").setTitle("Kane double sends Spurs top")
                .setText("Harry Kane scored twice as Tottenham beat Arsenal 2-0 in the Premier League on Sunday.")
                .build();
        in.pipeInput(other.getId(), other);

        List<KeyValue<String, EnrichedArticle>> enriched = out.readKeyValuesToList();
        assertThat(enriched).extracting(kv -> kv.key).containsExactly(samples.get(0).getId(), samples.get(1).getId(), "other");
        assertThat(enriched).allSatisfy(kv -> assertThat(kv.value.getArticle().getId()).isEqualTo(kv.key));
        assertThat(enriched.get(1).value.getStoryId()).isEqualTo(enriched.get(0).value.getStoryId());
        assertThat(enriched.get(2).value.getStoryId()).isEqualTo("other");
        KeyValueStore<String, byte[]> store = driver.getKeyValueStore(StoryAssigner.STORE);
        assertThat(store.approximateNumEntries()).isEqualTo(3);
    }

    @Test
    void signaturesOlderThanTheWindowArePurged() throws Exception {
        RawArticle first = samples().get(0);
        in.pipeInput(first.getId(), RawArticle.newBuilder(first).setPublishedAt(Instant.parse("2017-03-20T00:00:00Z"))
                .setFetchedAt(Instant.parse("2017-03-20T01:00:00Z")).build());
        RawArticle late = RawArticle.newBuilder(first).setId("late").setPublishedAt(Instant.parse("2017-03-27T00:00:00Z"))
                .setFetchedAt(Instant.parse("2017-03-27T01:00:00Z")).build();
        in.pipeInput(late.getId(), late);
        driver.advanceWallClockTime(Duration.ofMinutes(2));

        KeyValueStore<String, byte[]> store = driver.getKeyValueStore(StoryAssigner.STORE);
        List<String> keys = new ArrayList<>();
        store.all().forEachRemaining(kv -> keys.add(kv.key));
        assertThat(keys).containsExactly("late");
        assertThat(out.readValuesToList()).extracting(EnrichedArticle::getStoryId).containsExactly(first.getId(), "late");
    }

    private static List<RawArticle> samples() throws Exception {
        List<RawArticle> articles = new ArrayList<>();
        new ArticleFiles(new ArticleJson(), SharedNlp.CLOCK).read(
                Path.of(EnrichTopologyTest.class.getResource("/samples").toURI()), new ArticleFiles.Sink() {
                    @Override
                    public void article(RawArticle article, Path file) {
                        articles.add(article);
                    }

                    @Override
                    public void invalid(String where, String message) {
                        throw new AssertionError(message);
                    }
                });
        return articles;
    }
}
