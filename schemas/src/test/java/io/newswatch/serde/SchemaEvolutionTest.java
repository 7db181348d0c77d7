package io.newswatch.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.registry.RestSchemaRegistryClient;
import io.newswatch.registry.SchemaRegistryClient;
import io.newswatch.registry.SchemaRegistryException;
import io.newswatch.registry.SerdeConfig;
import io.newswatch.registry.server.InMemorySchemaStore;
import io.newswatch.registry.server.SchemaRegistryServer;
import io.newswatch.schemas.Origin;
import io.newswatch.schemas.RawArticle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Records written with another version of a schema still decode into the current class. */
class SchemaEvolutionTest {

    private SchemaRegistryServer server;
    private SchemaRegistryClient client;
    private SpecificAvroDeserializer<RawArticle> deserializer;

    @BeforeEach
    void start() {
        server = SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore());
        client = RestSchemaRegistryClient.builder(server.url()).build();
        deserializer = new SpecificAvroDeserializer<>(RawArticle.class);
        deserializer.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, server.url()), false);
    }

    @AfterEach
    void stop() {
        deserializer.close();
        client.close();
        server.close();
    }

    @Test
    void recordsWrittenWithAnOlderSchemaGetTheNewFieldsDefaults() throws IOException {
        Schema v0 = SchemaFixtures.rawArticleV0();
        int v0Id = client.register("articles-value", v0);
        // The registry accepts the current schema as a BACKWARD-compatible successor of v0.
        int currentId = client.register("articles-value", RawArticle.getClassSchema());
        assertThat(currentId).isNotEqualTo(v0Id);

        GenericRecord old = new GenericRecordBuilder(v0)
                .set("id", "old-1")
                .set("url", null)
                .set("source", new GenericRecordBuilder(v0.getField("source").schema())
                        .set("name", "Old Feed").set("domain", null).set("feedUrl", null).set("tags", List.of()).build())
                .set("origin", new GenericData.EnumSymbol(v0.getField("origin").schema(), "PAGE"))
                .set("title", "Old title")
                .set("text", "Old text")
                .set("publishedAt", null)
                .set("fetchedAt", 1_600_000_000_000L)
                .set("contentHash", "00")
                .build();

        RawArticle article = deserializer.deserialize("articles", frame(v0Id, v0, old));

        assertThat(article.getId()).isEqualTo("old-1");
        assertThat(article.getOrigin()).isEqualTo(Origin.PAGE);
        assertThat(article.getFetchedAt().toEpochMilli()).isEqualTo(1_600_000_000_000L);
        assertThat(article.getCanonicalUrl()).isNull();
        assertThat(article.getAuthors()).isEmpty();
        assertThat(article.getLanguage()).isNull();
        assertThat(article.getAttributes()).isEmpty();
    }

    @Test
    void recordsWrittenWithANewerSchemaDropUnknownFields() throws IOException {
        Schema newer = SchemaFixtures.rawArticleWithExtraField();
        int id = client.register("articles-value", newer);
        GenericRecord record = toGeneric(SampleRecords.rawArticle(), newer);
        record.put("section", "sport");

        RawArticle article = deserializer.deserialize("articles", frame(id, newer, record));

        assertThat(article).isEqualTo(SampleRecords.rawArticle());
    }

    @Test
    void aWriterSchemaMissingARequiredFieldIsExplained() throws IOException {
        Schema withoutText = SchemaFixtures.withoutFields(RawArticle.getClassSchema(), Set.of("text"));
        int id = client.register("other-value", withoutText);
        GenericRecord record = toGeneric(SampleRecords.rawArticle(), withoutText);

        assertThatThrownBy(() -> deserializer.deserialize("other", frame(id, withoutText, record)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("schema id " + id)
                .hasMessageContaining("READER_FIELD_MISSING_DEFAULT_VALUE")
                .hasMessageContaining("text");
    }

    @Test
    void theRegistryRejectsAnIncompatibleNextVersion() {
        client.register("articles-value", RawArticle.getClassSchema());
        Schema withoutText = SchemaFixtures.withoutFields(RawArticle.getClassSchema(), Set.of("text"));
        Schema requiredNewField = SchemaFixtures.rawArticleWithRequiredExtraField();

        // Dropping a field is fine for BACKWARD (new readers ignore it), adding a required one is not.
        assertThat(client.isCompatible("articles-value", withoutText)).isTrue();
        assertThat(client.isCompatible("articles-value", requiredNewField)).isFalse();
        assertThatThrownBy(() -> client.register("articles-value", requiredNewField))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.errorCode()).isEqualTo(409);
                    assertThat(e.registryMessage()).contains("READER_FIELD_MISSING_DEFAULT_VALUE").contains("section");
                });
    }

    /** A specific record as a generic one of {@code schema}, copying the fields both schemas have. */
    private static GenericRecord toGeneric(RawArticle article, Schema schema) throws IOException {
        Schema current = RawArticle.getClassSchema();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        new SpecificDatumWriter<RawArticle>(current, SpecificData.getForClass(RawArticle.class)).write(article, encoder);
        GenericRecord generic = new GenericDatumReader<GenericRecord>(current)
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
        GenericData.Record record = new GenericData.Record(schema);
        for (Schema.Field field : schema.getFields()) {
            if (current.getField(field.name()) != null) {
                record.put(field.name(), generic.get(field.name()));
            }
        }
        return record;
    }

    private static byte[] frame(int id, Schema schema, GenericRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        return WireFormat.frame(id, out.toByteArray());
    }
}
