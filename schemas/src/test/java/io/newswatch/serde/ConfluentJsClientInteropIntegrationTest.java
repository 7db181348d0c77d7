package io.newswatch.serde;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswatch.registry.SerdeConfig;
import io.newswatch.registry.server.InMemorySchemaStore;
import io.newswatch.registry.server.SchemaRegistryServer;
import io.newswatch.schemas.Origin;
import io.newswatch.schemas.RawArticle;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Confluent's official JS client ({@code @confluentinc/schemaregistry}, pinned in
 * {@code src/test/js/package.json}) against our registry and serdes, in both directions: a client
 * nobody here wrote proves that our registry speaks the API and our bytes are the Confluent wire format.
 */
class ConfluentJsClientInteropIntegrationTest {

    private static final Path BASEDIR = Path.of(System.getProperty("basedir", "."));
    private static final Path JS_SOURCES = BASEDIR.resolve("src/test/js");
    private static final Path WORK_DIR = BASEDIR.resolve("target/npm-interop");
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path node;

    private SchemaRegistryServer server;
    private SpecificAvroSerde<RawArticle> serde;

    @BeforeAll
    static void installClient() throws IOException, InterruptedException {
        Optional<Path> nodeBinary = onPath("node");
        Optional<Path> npmBinary = onPath("npm");
        Assumptions.assumeTrue(nodeBinary.isPresent() && npmBinary.isPresent(),
                "node and npm must be on the PATH for the Confluent JS client interop test; skipping it");
        node = nodeBinary.get();

        Files.createDirectories(WORK_DIR);
        String packageJson = Files.readString(JS_SOURCES.resolve("package.json"));
        Path installedPackageJson = WORK_DIR.resolve("package.json");
        boolean installed = Files.isDirectory(WORK_DIR.resolve("node_modules/@confluentinc/schemaregistry"))
                && Files.exists(installedPackageJson)
                && Files.readString(installedPackageJson).equals(packageJson);
        if (!installed) {
            Files.writeString(installedPackageJson, packageJson);
            run(List.of(npmBinary.get().toString(), "install", "--no-audit", "--no-fund", "--loglevel=error"),
                    INSTALL_TIMEOUT, "npm install");
        }
    }

    @BeforeEach
    void start() {
        server = SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore());
        serde = new SpecificAvroSerde<>(RawArticle.class);
        serde.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, server.url()), false);
    }

    @AfterEach
    void stop() {
        serde.close();
        server.close();
    }

    @Test
    void confluentJsClientAndOurSerdesReadEachOther() throws Exception {
        RawArticle ours = SampleRecords.rawArticle();
        byte[] ourBytes = serde.serializer().serialize("java-articles", ours);
        long jsFetchedAt = 1_764_000_000_789L;

        JsonNode result = runScript(Map.of(
                "registryUrl", server.url(),
                "javaTopic", "java-articles",
                "javaPayload", Base64.getEncoder().encodeToString(ourBytes),
                "jsTopic", "js-articles",
                "schema", RawArticle.getClassSchema().toString(),
                "jsFetchedAtMillis", jsFetchedAt));

        // 1. The JS deserializer fetched our schema by id and decoded our bytes.
        JsonNode decoded = result.get("decoded");
        assertThat(decoded.get("id").asText()).isEqualTo(ours.getId());
        assertThat(decoded.get("url").asText()).isEqualTo(ours.getUrl());
        assertThat(decoded.get("canonicalUrl").asText()).isEqualTo(ours.getCanonicalUrl());
        assertThat(decoded.at("/source/name").asText()).isEqualTo(ours.getSource().getName());
        assertThat(decoded.at("/source/tags").toString()).isEqualTo("[\"news\",\"en\"]");
        assertThat(decoded.get("origin").asText()).isEqualTo("FEED");
        assertThat(decoded.get("title").asText()).isEqualTo(ours.getTitle());
        assertThat(decoded.get("text").asText()).isEqualTo(ours.getText());
        assertThat(decoded.get("authors").toString()).isEqualTo("[\"Ada Lovelace\",\"Alan Turing\"]");
        assertThat(decoded.at("/fetchedAt/$date").isNumber()).as("fetchedAt decoded as a JS Date").isTrue();
        assertThat(decoded.at("/fetchedAt/$date").asLong()).isEqualTo(ours.getFetchedAt().toEpochMilli());
        assertThat(decoded.at("/publishedAt/$date").asLong()).isEqualTo(ours.getPublishedAt().toEpochMilli());
        assertThat(decoded.at("/attributes/section").asText()).isEqualTo("world");

        // 2. The same schema registered by the JS client under another subject has our global id.
        int jsSchemaId = result.get("jsSchemaId").asInt();
        assertThat(jsSchemaId).isEqualTo(WireFormat.schemaId(ourBytes));

        // 3. Our deserializer reads what the JS serializer wrote.
        byte[] jsBytes = Base64.getDecoder().decode(result.get("jsPayload").asText());
        assertThat(WireFormat.schemaId(jsBytes)).isEqualTo(jsSchemaId);
        RawArticle theirs = serde.deserializer().deserialize("js-articles", jsBytes);
        assertThat(theirs.getId()).isEqualTo("js-1");
        assertThat(theirs.getUrl()).isNull();
        assertThat(theirs.getCanonicalUrl()).isEqualTo("https://example.org/from-js");
        assertThat(theirs.getSource().getName()).isEqualTo("JS Wire");
        assertThat(theirs.getSource().getFeedUrl()).isNull();
        assertThat(theirs.getSource().getTags()).containsExactly("js", "interop");
        assertThat(theirs.getOrigin()).isEqualTo(Origin.PUSH);
        assertThat(theirs.getTitle()).isEqualTo("Written in JavaScript");
        assertThat(theirs.getAuthors()).containsExactly("Node");
        assertThat(theirs.getPublishedAt()).isNull();
        assertThat(theirs.getFetchedAt()).isEqualTo(Instant.ofEpochMilli(jsFetchedAt));
        assertThat(theirs.getContentHash()).isEqualTo("cd".repeat(32));
        assertThat(theirs.getAttributes()).containsExactlyEntriesOf(Map.of("client", "confluent-js"));
    }

    private JsonNode runScript(Map<String, Object> input) throws IOException, InterruptedException {
        Path script = WORK_DIR.resolve("confluent-interop.js");
        // Run from the install directory: Node resolves require() relative to the script's location.
        Files.copy(JS_SOURCES.resolve("confluent-interop.js"), script, StandardCopyOption.REPLACE_EXISTING);
        Path inputFile = Files.createTempFile(WORK_DIR, "input-", ".json");
        try {
            Files.writeString(inputFile, JSON.writeValueAsString(input));
            String stdout = run(List.of(node.toString(), script.toString(), inputFile.toString()), SCRIPT_TIMEOUT,
                    "confluent-interop.js");
            return JSON.readTree(stdout);
        } finally {
            Files.deleteIfExists(inputFile);
        }
    }

    /** Runs a command in the work directory; returns stdout, or fails with stderr in the message. */
    private static String run(List<String> command, Duration timeout, String what)
            throws IOException, InterruptedException {
        Path stdout = Files.createTempFile(WORK_DIR, "stdout-", ".txt");
        Path stderr = Files.createTempFile(WORK_DIR, "stderr-", ".txt");
        try {
            // Output to files, not pipes: a full pipe would block the child while we wait for it.
            Process process = new ProcessBuilder(command).directory(WORK_DIR.toFile())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError(what + " did not finish within " + timeout + "; stderr:\n"
                        + Files.readString(stderr, StandardCharsets.UTF_8));
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(what + " failed with exit code " + process.exitValue() + "; stderr:\n"
                        + Files.readString(stderr, StandardCharsets.UTF_8) + "\nstdout:\n" + Files.readString(stdout, StandardCharsets.UTF_8));
            }
            return Files.readString(stdout, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    private static Optional<Path> onPath(String executable) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir).resolve(executable);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
