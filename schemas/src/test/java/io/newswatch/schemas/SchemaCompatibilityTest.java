package io.newswatch.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every schema ever released ({@code schemas/released/<version>/*.avsc}) must stay readable by the
 * current generated classes (BACKWARD): topics and stores keep records written by older releases.
 */
class SchemaCompatibilityTest {

    private static final Path RELEASED = Path.of(System.getProperty("basedir", ".")).resolve("released");

    @Test
    void thereAreReleasesToCheck() {
        assertThat(releases(RELEASED)).as("release directories under %s", RELEASED.toAbsolutePath()).isNotEmpty();
    }

    @TestFactory
    Stream<DynamicTest> currentClassesReadEveryReleasedSchema() {
        return releases(RELEASED).stream().flatMap(release -> parseRelease(release).entrySet().stream()
                .map(entry -> DynamicTest.dynamicTest(release.getFileName() + "/" + entry.getKey().getFileName(), () -> {
                    String problem = incompatibility(release, entry.getKey(), entry.getValue());
                    if (problem != null) {
                        fail(problem);
                    }
                })));
    }

    @Test
    void anIncompatibleChangeFailsWithAReadableMessage(@TempDir Path released) throws IOException {
        Path release = Files.createDirectories(released.resolve("9.9.9"));
        // A released RawArticle with a field the current class lacks is fine (it is skipped); one where
        // a current required field has no counterpart is not: make "text" an int.
        String changed = Files.readString(RELEASED.resolve("0.1.0/RawArticle.avsc"))
                .replace("{\"name\": \"text\", \"type\": \"string\"", "{\"name\": \"text\", \"type\": \"int\"");
        assertThat(changed).as("fixture edit applied").contains("\"type\": \"int\"");
        Files.writeString(release.resolve("RawArticle.avsc"), changed);

        Map<Path, Schema> schemas = parseRelease(release);
        String problem = incompatibility(release, release.resolve("RawArticle.avsc"), schemas.values().iterator().next());

        assertThat(problem)
                .contains("io.newswatch.schemas.RawArticle")
                .contains("release 9.9.9")
                .contains("RawArticle.avsc")
                .contains("TYPE_MISMATCH")
                .contains("/fields/6/type");
    }

    /** Null when the current class can read data written with the released schema, else why not. */
    static String incompatibility(Path release, Path file, Schema released) {
        Class<?> current = SpecificData.get().getClass(released);
        if (current == null) {
            return "Released type " + released.getFullName() + " (release " + release.getFileName() + ", " + file
                    + ") has no generated class any more: removing a released type breaks readers of old data";
        }
        Schema currentSchema = SpecificData.get().getSchema(current);
        SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(currentSchema, released);
        if (result.getType() == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            return null;
        }
        return "The current " + released.getFullName() + " cannot read data written with its schema from release "
                + release.getFileName() + " (" + file + "):\n  "
                + result.getResult().getIncompatibilities().stream()
                        .map(i -> i.getType() + " at " + i.getLocation() + ": " + i.getMessage())
                        .collect(Collectors.joining("\n  "))
                + "\nMake the change backward compatible (e.g. give new fields a default) instead.";
    }

    private static List<Path> releases(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses a release directory's files with one parser, in dependency order (files reference types
     * defined in others, e.g. Alert uses Field from EnrichedArticle). The order is found by retrying:
     * a file parses once everything it references has been parsed.
     */
    static Map<Path, Schema> parseRelease(Path release) {
        List<Path> remaining;
        try (Stream<Path> files = Files.list(release)) {
            remaining = files.filter(f -> f.toString().endsWith(".avsc")).sorted().collect(Collectors.toCollection(ArrayList::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Path> order = new ArrayList<>();
        Map<Path, String> lastErrors = new LinkedHashMap<>();
        boolean progress = true;
        while (!remaining.isEmpty() && progress) {
            progress = false;
            for (Path file : List.copyOf(remaining)) {
                try {
                    Schema.Parser trial = new Schema.Parser();
                    for (Path done : order) {
                        trial.parse(done.toFile());
                    }
                    trial.parse(file.toFile());
                    order.add(file);
                    remaining.remove(file);
                    progress = true;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (RuntimeException e) {
                    lastErrors.put(file, String.valueOf(e.getMessage()));
                }
            }
        }
        if (!remaining.isEmpty()) {
            fail("Cannot parse " + remaining + " in release " + release + ": "
                    + remaining.stream().map(f -> f.getFileName() + ": " + lastErrors.get(f)).collect(Collectors.joining("; ")));
        }
        Schema.Parser parser = new Schema.Parser();
        Map<Path, Schema> schemas = new LinkedHashMap<>();
        for (Path file : order) {
            try {
                schemas.put(file, parser.parse(file.toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schemas;
    }
}
