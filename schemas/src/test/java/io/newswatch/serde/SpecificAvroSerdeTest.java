package io.newswatch.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.registry.CachedSchemaRegistryClient;
import io.newswatch.registry.CountingSchemaRegistryClient;
import io.newswatch.registry.RestSchemaRegistryClient;
import io.newswatch.registry.SchemaRegistryClient;
import io.newswatch.registry.SerdeConfig;
import io.newswatch.registry.server.InMemorySchemaStore;
import io.newswatch.registry.server.SchemaRegistryServer;
import io.newswatch.schemas.RawArticle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SpecificAvroSerdeTest {

    private SchemaRegistryServer server;
    private SchemaRegistryClient client;

    @BeforeEach
    void startRegistry() {
        server = SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore());
        client = RestSchemaRegistryClient.builder(server.url()).build();
    }

    @AfterEach
    void stopRegistry() {
        client.close();
        server.close();
    }

    static List<SpecificRecord> everyRecordType() {
        return SampleRecords.all();
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("everyRecordType")
    void roundTripsEveryGeneratedRecordType(SpecificRecord record) {
        try (SpecificAvroSerde<SpecificRecord> serde = serde(typeOf(record), Map.of())) {
            byte[] bytes = serde.serializer().serialize("topic", record);

            int id = WireFormat.schemaId(bytes);
            assertThat(client.getById(id)).isEqualTo(record.getSchema());
            assertThat(client.getLatest("topic-value").id()).isEqualTo(id);
            SpecificRecord back = serde.deserializer().deserialize("topic", bytes);
            assertThat(back).isInstanceOf(record.getClass()).isEqualTo(record);
        }
    }

    @Test
    void theRoundTripCoversEveryGeneratedRecordClass() throws Exception {
        Path generated = Path.of(RawArticle.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("io/newswatch/schemas");
        Set<Class<?>> recordClasses = new HashSet<>();
        try (Stream<Path> files = Files.list(generated)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = file.getFileName().toString().replace(".class", "");
                Class<?> type = Class.forName("io.newswatch.schemas." + name);
                if (SpecificRecord.class.isAssignableFrom(type)) {
                    recordClasses.add(type);
                }
            }
        }
        assertThat(recordClasses).hasSizeGreaterThanOrEqualTo(3);
        assertThat(SampleRecords.all()).extracting(Object::getClass).containsExactlyInAnyOrderElementsOf(recordClasses);
    }

    @Test
    void logicalTimestampsSurviveAsInstants() {
        try (SpecificAvroSerde<RawArticle> serde = serde(RawArticle.class, Map.of())) {
            RawArticle back = serde.deserializer().deserialize("t", serde.serializer().serialize("t", SampleRecords.rawArticle()));
            assertThat(back.getFetchedAt()).isEqualTo(SampleRecords.FETCHED);
            assertThat(back.getPublishedAt()).isEqualTo(SampleRecords.PUBLISHED);
        }
    }

    @Test
    void bodyIsPlainAvroBinaryReadableByAnyAvroReader() throws IOException {
        try (SpecificAvroSerde<RawArticle> serde = serde(RawArticle.class, Map.of())) {
            byte[] bytes = serde.serializer().serialize("t", SampleRecords.rawArticle());
            Schema schema = RawArticle.getClassSchema();
            GenericRecord generic = new GenericDatumReader<GenericRecord>(schema, schema, GenericData.get()).read(null,
                    DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
            assertThat(generic.get("id")).hasToString("a-1");
            assertThat(generic.get("fetchedAt")).isEqualTo(SampleRecords.FETCHED.toEpochMilli());
        }
    }

    @Test
    void keySerdeRegistersUnderTheKeySubject() {
        SpecificAvroSerde<RawArticle> serde = new SpecificAvroSerde<>(RawArticle.class);
        serde.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, server.url()), true);
        try (serde) {
            byte[] bytes = serde.serializer().serialize("articles", SampleRecords.rawArticle());
            assertThat(client.subjects()).containsExactly("articles-key");
            assertThat(serde.deserializer().deserialize("articles", bytes)).isEqualTo(SampleRecords.rawArticle());
        }
    }

    @Test
    void nullIsATombstoneBothWays() {
        try (SpecificAvroSerde<RawArticle> serde = serde(RawArticle.class, Map.of())) {
            assertThat(serde.serializer().serialize("t", null)).isNull();
            assertThat(serde.deserializer().deserialize("t", null)).isNull();
        }
        assertThat(client.subjects()).isEmpty();
    }

    @Test
    void sameSchemaOnTwoTopicsCarriesTheSameId() {
        try (SpecificAvroSerde<RawArticle> serde = serde(RawArticle.class, Map.of())) {
            int first = WireFormat.schemaId(serde.serializer().serialize("a", SampleRecords.rawArticle()));
            int second = WireFormat.schemaId(serde.serializer().serialize("b", SampleRecords.rawArticle()));
            assertThat(second).isEqualTo(first);
            assertThat(client.subjects()).containsExactly("a-value", "b-value");
        }
    }

    @Test
    void withoutAutoRegisterAnUnregisteredSchemaIsAClearError() {
        try (SpecificAvroSerde<RawArticle> serde = serde(RawArticle.class, Map.of(SerdeConfig.AUTO_REGISTER_SCHEMAS, "false"))) {
            assertThatThrownBy(() -> serde.serializer().serialize("t", SampleRecords.rawArticle()))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("io.newswatch.schemas.RawArticle is not registered under subject 't-value'")
                    .hasMessageContaining("auto.register.schemas is false");
            assertThat(client.subjects()).isEmpty();

            int id = client.register("t-value", RawArticle.getClassSchema());
            assertThat(WireFormat.schemaId(serde.serializer().serialize("t", SampleRecords.rawArticle()))).isEqualTo(id);
        }
    }

    @Test
    void useLatestVersionIsIgnoredWhileAutoRegistering() {
        // Confluent's precedence: auto-registration wins; there is no latest version to use yet.
        try (SpecificAvroSerde<RawArticle> serde = serde(RawArticle.class, Map.of(SerdeConfig.USE_LATEST_VERSION, true))) {
            serde.serializer().serialize("t", SampleRecords.rawArticle());
            assertThat(client.subjects()).containsExactly("t-value");
        }
    }

    @Test
    void useLatestVersionWritesWithTheSameLatestSchema() {
        int id = client.register("t-value", RawArticle.getClassSchema());
        try (SpecificAvroSerde<RawArticle> serde = serde(RawArticle.class, latestOnly())) {
            byte[] bytes = serde.serializer().serialize("t", SampleRecords.rawArticle());
            assertThat(WireFormat.schemaId(bytes)).isEqualTo(id);
            assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(SampleRecords.rawArticle());
        }
    }

    @Test
    void useLatestVersionConvertsAnOlderRecordIntoANewerLatestSchema() throws IOException {
        client.register("t-value", RawArticle.getClassSchema());
        Schema newer = SchemaFixtures.rawArticleWithExtraField();
        int newerId = client.register("t-value", newer);

        try (SpecificAvroSerde<RawArticle> serde = serde(RawArticle.class, latestOnly())) {
            byte[] bytes = serde.serializer().serialize("t", SampleRecords.rawArticle());

            assertThat(WireFormat.schemaId(bytes)).isEqualTo(newerId);
            GenericRecord asNewer = new GenericDatumReader<GenericRecord>(newer).read(null,
                    DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
            assertThat(asNewer.get("section")).hasToString("unknown");
            assertThat(asNewer.get("title")).hasToString(SampleRecords.rawArticle().getTitle());
            assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(SampleRecords.rawArticle());
        }
    }

    @Test
    void useLatestVersionRefusesALatestSchemaThatCannotHoldTheRecord() {
        client.register("t-value", SchemaFixtures.rawArticleWithRequiredExtraField());
        try (SpecificAvroSerde<RawArticle> serde = serde(RawArticle.class, latestOnly())) {
            assertThatThrownBy(() -> serde.serializer().serialize("t", SampleRecords.rawArticle()))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("latest schema of subject 't-value'")
                    .hasMessageContaining("READER_FIELD_MISSING_DEFAULT_VALUE")
                    .hasMessageContaining("section");
        }
    }

    @Test
    void useLatestVersionWithoutAnySchemaIsAClearError() {
        try (SpecificAvroSerde<RawArticle> serde = serde(RawArticle.class, latestOnly())) {
            assertThatThrownBy(() -> serde.serializer().serialize("t", SampleRecords.rawArticle()))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("Could not fetch the latest schema of subject 't-value'")
                    .hasMessageContaining("40401");
        }
    }

    @Test
    void theRegistryIsCalledOncePerSchemaNotPerRecord() {
        CountingSchemaRegistryClient counting = new CountingSchemaRegistryClient(client);
        CachedSchemaRegistryClient cached = new CachedSchemaRegistryClient(counting);
        SpecificAvroSerde<RawArticle> writer = new SpecificAvroSerde<>(RawArticle.class, cached);
        writer.configure(Map.of(), false);
        // A separate reader (as on another machine) with its own cache.
        CountingSchemaRegistryClient readerCounting = new CountingSchemaRegistryClient(client);
        SpecificAvroSerde<RawArticle> reader =
                new SpecificAvroSerde<>(RawArticle.class, new CachedSchemaRegistryClient(readerCounting));
        reader.configure(Map.of(), false);

        for (int i = 0; i < 50; i++) {
            RawArticle article = SampleRecords.rawArticle();
            article.setId("a-" + i);
            byte[] bytes = writer.serializer().serialize("t", article);
            assertThat(reader.deserializer().deserialize("t", bytes).getId()).isEqualTo("a-" + i);
        }

        assertThat(counting.register).hasValue(1);
        assertThat(counting.getById).hasValue(0);
        assertThat(readerCounting.getById).hasValue(1);
        assertThat(readerCounting.register).hasValue(0);
    }

    @Test
    void aSharedClientWorksWithoutUrlAndIsNotClosedByTheSerde() {
        CountingSchemaRegistryClient counting = new CountingSchemaRegistryClient(client);
        SpecificAvroSerde<RawArticle> serde = new SpecificAvroSerde<>(RawArticle.class, counting);
        serde.configure(Map.of(), false);
        byte[] bytes = serde.serializer().serialize("t", SampleRecords.rawArticle());
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(SampleRecords.rawArticle());
        serde.close();
        assertThat(counting.close).hasValue(0);
    }

    @Test
    void standaloneSerializerAndDeserializerWork() {
        Map<String, Object> configs = Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, server.url());
        try (SpecificAvroSerializer<RawArticle> serializer = new SpecificAvroSerializer<>();
                SpecificAvroDeserializer<RawArticle> deserializer = new SpecificAvroDeserializer<>(RawArticle.class)) {
            serializer.configure(configs, false);
            deserializer.configure(configs, false);
            assertThat(deserializer.deserialize("t", serializer.serialize("t", SampleRecords.rawArticle())))
                    .isEqualTo(SampleRecords.rawArticle());
        }
    }

    @Test
    void missingRegistryUrlIsAConfigError() {
        SpecificAvroSerde<RawArticle> serde = new SpecificAvroSerde<>(RawArticle.class);
        assertThatThrownBy(() -> serde.configure(Map.of(), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url");
    }

    @Test
    void usingAnUnconfiguredSerdeSaysSo() {
        SpecificAvroSerde<RawArticle> serde = new SpecificAvroSerde<>(RawArticle.class);
        assertThatThrownBy(() -> serde.serializer().serialize("t", SampleRecords.rawArticle()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("configure()");
    }

    @Test
    void unknownMagicByteIsAClearError() {
        try (SpecificAvroSerde<RawArticle> serde = serde(RawArticle.class, Map.of())) {
            assertThatThrownBy(() -> serde.deserializer().deserialize("t", "plain text".getBytes()))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("unknown magic byte 0x70");
        }
    }

    @Test
    void tooShortInputIsAClearError() {
        try (SpecificAvroSerde<RawArticle> serde = serde(RawArticle.class, Map.of())) {
            assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {0, 0}))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("2 byte(s)");
        }
    }

    @Test
    void unknownSchemaIdIsAClearError() {
        try (SpecificAvroSerde<RawArticle> serde = serde(RawArticle.class, Map.of())) {
            assertThatThrownBy(() -> serde.deserializer().deserialize("news", WireFormat.frame(4242, new byte[] {2, 'x'})))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("Unknown schema id 4242")
                    .hasMessageContaining("topic 'news'")
                    .hasMessageContaining("40403");
        }
    }

    @Test
    void truncatedOrGarbledBodyIsAClearError() {
        try (SpecificAvroSerde<RawArticle> serde = serde(RawArticle.class, Map.of())) {
            byte[] bytes = serde.serializer().serialize("t", SampleRecords.rawArticle());
            byte[] truncated = Arrays.copyOf(bytes, bytes.length / 2);
            assertThatThrownBy(() -> serde.deserializer().deserialize("t", truncated))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("Could not decode a message of topic 't'")
                    .hasMessageContaining("RawArticle");

            byte[] garbled = bytes.clone();
            Arrays.fill(garbled, 5, garbled.length, (byte) 0xFF);
            assertThatThrownBy(() -> serde.deserializer().deserialize("t", garbled))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("Could not decode");
        }
    }

    @Test
    void oneSerdeIsSafeToShareAcrossThreads() throws Exception {
        try (SpecificAvroSerde<RawArticle> serde = serde(RawArticle.class, Map.of())) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Callable<Integer>> tasks = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int thread = t;
                    tasks.add(() -> {
                        for (int i = 0; i < 200; i++) {
                            RawArticle article = SampleRecords.rawArticle();
                            article.setId(thread + "-" + i);
                            article.setText("x".repeat(i));
                            RawArticle back = serde.deserializer().deserialize("t", serde.serializer().serialize("t", article));
                            assertThat(back).isEqualTo(article);
                        }
                        return thread;
                    });
                }
                for (Future<Integer> result : pool.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
                    result.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(client.subjects()).containsExactly("t-value");
        }
    }

    private Map<String, Object> latestOnly() {
        return Map.of(SerdeConfig.AUTO_REGISTER_SCHEMAS, false, SerdeConfig.USE_LATEST_VERSION, true);
    }

    private <T extends SpecificRecord> SpecificAvroSerde<T> serde(Class<T> type, Map<String, Object> extra) {
        Map<String, Object> configs = new HashMap<>(extra);
        configs.put(SerdeConfig.SCHEMA_REGISTRY_URL, server.url());
        SpecificAvroSerde<T> serde = new SpecificAvroSerde<>(type);
        serde.configure(configs, false);
        return serde;
    }

    @SuppressWarnings("unchecked")
    private static Class<SpecificRecord> typeOf(SpecificRecord record) {
        return (Class<SpecificRecord>) record.getClass();
    }
}
