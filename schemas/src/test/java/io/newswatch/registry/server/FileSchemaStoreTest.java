package io.newswatch.registry.server;

import static io.newswatch.registry.server.RawHttp.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSchemaStoreTest {

    private static final String V1 = SchemaRegistryServerTest.V1;
    private static final String V2 = SchemaRegistryServerTest.V2;

    @TempDir
    Path dir;

    @Test
    void idsVersionsConfigAndDeletesSurviveARestart() {
        Path file = dir.resolve("registry/schemas.log");
        try (FileSchemaStore store = new FileSchemaStore(file);
                SchemaRegistryServer server = SchemaRegistryServer.start("127.0.0.1", 0, store)) {
            RawHttp http = new RawHttp(server.url());
            assertThat(http.post("/subjects/a/versions", schemaBody(V1)).body()).isEqualTo("{\"id\":1}");
            assertThat(http.post("/subjects/a/versions", schemaBody(V2)).body()).isEqualTo("{\"id\":2}");
            assertThat(http.post("/subjects/b/versions", schemaBody(V2)).body()).isEqualTo("{\"id\":2}");
            assertThat(http.post("/subjects/gone/versions", schemaBody(V1)).status()).isEqualTo(200);
            assertThat(http.delete("/subjects/gone").status()).isEqualTo(200);
            assertThat(http.put("/config/a", "{\"compatibility\":\"FULL\"}").status()).isEqualTo(200);
            assertThat(http.put("/config", "{\"compatibility\":\"FORWARD\"}").status()).isEqualTo(200);
        }

        try (FileSchemaStore store = new FileSchemaStore(file);
                SchemaRegistryServer server = SchemaRegistryServer.start("127.0.0.1", 0, store)) {
            RawHttp http = new RawHttp(server.url());
            assertThat(http.get("/subjects").body()).isEqualTo("[\"a\",\"b\"]");
            assertThat(http.get("/subjects/a/versions").body()).isEqualTo("[1,2]");
            assertThat(http.get("/subjects/b/versions/latest").json().get("id").asInt()).isEqualTo(2);
            assertThat(http.get("/schemas/ids/1").status()).isEqualTo(200);
            assertThat(http.get("/config/a").body()).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
            assertThat(http.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"FORWARD\"}");
            // Re-registering is idempotent; a new schema gets the next id, not a reused one.
            assertThat(http.post("/subjects/a/versions", schemaBody(V1)).body()).isEqualTo("{\"id\":1}");
            String v3 = "{\"type\":\"record\",\"name\":\"R\",\"namespace\":\"t\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"},"
                    + "{\"name\":\"b\",\"type\":\"string\",\"default\":\"x\"},{\"name\":\"c\",\"type\":\"int\",\"default\":1}]}";
            assertThat(http.post("/subjects/a/versions", schemaBody(v3)).body()).isEqualTo("{\"id\":3}");
            assertThat(http.post("/subjects/gone/versions", schemaBody(V1)).body()).isEqualTo("{\"id\":1}");
            assertThat(http.get("/subjects/gone/versions").body()).isEqualTo("[2]");
        }
    }

    @Test
    void storesOneJsonEventPerLine() throws IOException {
        Path file = dir.resolve("schemas.log");
        String multiLine = "{\n  \"type\": \"string\",\n  \"doc\": \"ünïcode\"\n}";
        try (FileSchemaStore store = new FileSchemaStore(file)) {
            store.append(new SchemaEvent.SchemaRegistered("s", 1, 1, multiLine));
            store.append(new SchemaEvent.ConfigSet(null, "FULL"));
            store.append(new SchemaEvent.ConfigSet("s", null));
            store.append(new SchemaEvent.SubjectDeleted("s"));
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(4);
        for (String line : lines) {
            assertThat(RawHttp.JSON.readTree(line).isObject()).as(line).isTrue();
        }
        try (FileSchemaStore reopened = new FileSchemaStore(file)) {
            assertThat(reopened.load()).containsExactly(
                    new SchemaEvent.SchemaRegistered("s", 1, 1, multiLine),
                    new SchemaEvent.ConfigSet(null, "FULL"),
                    new SchemaEvent.ConfigSet("s", null),
                    new SchemaEvent.SubjectDeleted("s"));
        }
    }

    @Test
    void aTruncatedLastLineIsDroppedAndTheLogStaysAppendable() throws IOException {
        Path file = dir.resolve("schemas.log");
        SchemaEvent first = new SchemaEvent.SchemaRegistered("s", 1, 1, V1);
        try (FileSchemaStore store = new FileSchemaStore(file)) {
            store.append(first);
        }
        long goodSize = Files.size(file);
        // What a crash in the middle of writing the second event leaves behind.
        Files.writeString(file, "{\"type\":\"schema\",\"subject\":\"s\",\"vers", StandardOpenOption.APPEND);

        SchemaEvent second = new SchemaEvent.SchemaRegistered("s", 2, 2, V2);
        try (FileSchemaStore store = new FileSchemaStore(file)) {
            assertThat(store.load()).containsExactly(first);
            assertThat(Files.size(file)).isEqualTo(goodSize);
            store.append(second);
        }
        try (FileSchemaStore store = new FileSchemaStore(file)) {
            assertThat(store.load()).containsExactly(first, second);
        }
    }

    @Test
    void aCorruptLineBeforeTheEndStopsTheStoreFromOpening() throws IOException {
        Path file = dir.resolve("schemas.log");
        try (FileSchemaStore store = new FileSchemaStore(file)) {
            store.append(new SchemaEvent.SchemaRegistered("s", 1, 1, V1));
        }
        Files.writeString(file, "garbage\n" + "{\"type\":\"delete\",\"subject\":\"s\"}\n", StandardOpenOption.APPEND);

        assertThatThrownBy(() -> new FileSchemaStore(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("corrupt at line 2")
                .hasMessageContaining("not JSON");
    }

    @Test
    void anUnknownEventTypeIsCorruption() throws IOException {
        Path file = dir.resolve("schemas.log");
        Files.writeString(file, "{\"type\":\"mystery\"}\n");
        assertThatThrownBy(() -> new FileSchemaStore(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("line 1")
                .hasMessageContaining("unknown event type 'mystery'");
    }

    @Test
    void blankLinesAndAnEmptyFileAreFine() throws IOException {
        Path file = dir.resolve("schemas.log");
        Files.writeString(file, "\n{\"type\":\"delete\",\"subject\":\"s\"}\n\n");
        try (FileSchemaStore store = new FileSchemaStore(file)) {
            assertThat(store.load()).containsExactly(new SchemaEvent.SubjectDeleted("s"));
        }
        Path empty = dir.resolve("empty.log");
        Files.createFile(empty);
        try (FileSchemaStore store = new FileSchemaStore(empty)) {
            assertThat(store.load()).isEmpty();
        }
    }

    @Test
    void theFileCannotBeOpenedTwice() {
        Path file = dir.resolve("schemas.log");
        try (FileSchemaStore store = new FileSchemaStore(file)) {
            assertThat(store.file()).isEqualTo(file.toAbsolutePath());
            assertThatThrownBy(() -> new FileSchemaStore(file))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already open");
        }
        // Released on close.
        new FileSchemaStore(file).close();
    }

    @Test
    void appendingAfterCloseFails() {
        FileSchemaStore store = new FileSchemaStore(dir.resolve("schemas.log"));
        store.close();
        assertThatThrownBy(() -> store.append(new SchemaEvent.SubjectDeleted("s")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void inMemoryStoreKeepsStateAcrossServerRestarts() {
        InMemorySchemaStore store = new InMemorySchemaStore();
        try (SchemaRegistryServer server = SchemaRegistryServer.start("127.0.0.1", 0, store)) {
            new RawHttp(server.url()).post("/subjects/s/versions", schemaBody(V1));
        }
        try (SchemaRegistryServer server = SchemaRegistryServer.start("127.0.0.1", 0, store)) {
            assertThat(new RawHttp(server.url()).get("/subjects/s/versions").body()).isEqualTo("[1]");
        }
    }
}
