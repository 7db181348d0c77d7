package io.newswatch.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.registry.server.InMemorySchemaStore;
import io.newswatch.registry.server.SchemaRegistryServer;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CachedSchemaRegistryClientTest {

    private static final Schema SCHEMA = new Schema.Parser().parse(
            "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}");

    private SchemaRegistryServer server;
    private CountingSchemaRegistryClient counting;
    private CachedSchemaRegistryClient cached;

    @BeforeEach
    void start() {
        server = SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore());
        counting = new CountingSchemaRegistryClient(RestSchemaRegistryClient.builder(server.url()).build());
        cached = new CachedSchemaRegistryClient(counting);
    }

    @AfterEach
    void stop() {
        cached.close();
        server.close();
    }

    @Test
    void registrationIsCachedPerSubjectAndFeedsTheIdCache() {
        int id = cached.register("a", SCHEMA);
        assertThat(cached.register("a", SCHEMA)).isEqualTo(id);
        assertThat(cached.getId("a", SCHEMA)).isEqualTo(id);
        assertThat(cached.getById(id)).isEqualTo(SCHEMA);
        assertThat(counting.register).hasValue(1);
        assertThat(counting.getId).hasValue(0);
        assertThat(counting.getById).hasValue(0);

        assertThat(cached.register("b", SCHEMA)).isEqualTo(id);
        assertThat(counting.register).as("another subject is another registration").hasValue(2);
    }

    @Test
    void schemasByIdAreFetchedOnce() {
        int id = RestSchemaRegistryClient.builder(server.url()).build().register("a", SCHEMA);
        assertThat(cached.getById(id)).isEqualTo(SCHEMA);
        assertThat(cached.getById(id)).isEqualTo(SCHEMA);
        assertThat(counting.getById).hasValue(1);
    }

    @Test
    void lookupsAreCached() {
        int id = RestSchemaRegistryClient.builder(server.url()).build().register("a", SCHEMA);
        assertThat(cached.getId("a", SCHEMA)).isEqualTo(id);
        assertThat(cached.getId("a", SCHEMA)).isEqualTo(id);
        assertThat(counting.getId).hasValue(1);
    }

    @Test
    void changingAnswersAreNotCached() {
        cached.register("a", SCHEMA);
        cached.getLatest("a");
        cached.getLatest("a");
        cached.isCompatible("a", SCHEMA);
        cached.isCompatible("a", SCHEMA);
        cached.subjects();
        cached.subjects();
        assertThat(counting.getLatest).hasValue(2);
        assertThat(counting.isCompatible).hasValue(2);
        assertThat(counting.subjects).hasValue(2);
    }

    @Test
    void failuresAreNotCached() {
        assertThatThrownBy(() -> cached.getById(7)).isInstanceOf(SchemaRegistryException.class);
        assertThatThrownBy(() -> cached.getById(7)).isInstanceOf(SchemaRegistryException.class);
        assertThat(counting.getById).hasValue(2);
    }

    @Test
    void closeClosesTheDelegate() {
        cached.close();
        assertThat(counting.close).hasValue(1);
    }
}
