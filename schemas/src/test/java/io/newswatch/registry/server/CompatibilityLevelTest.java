package io.newswatch.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.registry.server.CompatibilityLevel.Version;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompatibilityLevelTest {

    private static final String A = "{\"name\":\"a\",\"type\":\"int\"}";
    private static final String B_DEFAULT = "{\"name\":\"b\",\"type\":\"string\",\"default\":\"x\"}";
    private static final String B_REQUIRED = "{\"name\":\"b\",\"type\":\"string\"}";

    private static Schema record(String... fields) {
        return new Schema.Parser().parse(
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[" + String.join(",", fields) + "]}");
    }

    private static List<Version> versions(Schema... schemas) {
        return java.util.stream.IntStream.range(0, schemas.length).mapToObj(i -> new Version(i + 1, schemas[i])).toList();
    }

    @ParameterizedTest(name = "{0}: add optional {1}, add required {2}, remove required {3}, change type {4}")
    @CsvSource({
            "NONE,                true,  true,  true,  true",
            "BACKWARD,            true,  false, true,  false",
            "BACKWARD_TRANSITIVE, true,  false, true,  false",
            "FORWARD,             true,  true,  false, false",
            "FORWARD_TRANSITIVE,  true,  true,  false, false",
            "FULL,                true,  false, false, false",
            "FULL_TRANSITIVE,     true,  false, false, false"
    })
    void singleStepChanges(CompatibilityLevel level, boolean addOptional, boolean addRequired, boolean removeRequired,
            boolean changeType) {
        Schema base = record(A, B_REQUIRED);
        assertThat(level.check(record(A, B_REQUIRED, "{\"name\":\"c\",\"type\":\"int\",\"default\":0}"), versions(base)).isEmpty())
                .as("add optional").isEqualTo(addOptional);
        assertThat(level.check(record(A, B_REQUIRED, "{\"name\":\"c\",\"type\":\"int\"}"), versions(base)).isEmpty())
                .as("add required").isEqualTo(addRequired);
        assertThat(level.check(record(A), versions(base)).isEmpty()).as("remove required").isEqualTo(removeRequired);
        assertThat(level.check(record("{\"name\":\"a\",\"type\":\"string\"}", B_REQUIRED), versions(base)).isEmpty())
                .as("int to string").isEqualTo(changeType);
    }

    @Test
    void transitiveBackwardChecksEveryVersionNotOnlyTheLatest() {
        // v3 reads v2 data (b present) but not v1 data (b missing, no default).
        List<Version> history = versions(record(A), record(A, B_DEFAULT));
        Schema v3 = record(A, B_REQUIRED);

        assertThat(CompatibilityLevel.BACKWARD.check(v3, history)).isEmpty();
        assertThat(CompatibilityLevel.FULL.check(v3, history)).isEmpty();
        assertThat(CompatibilityLevel.BACKWARD_TRANSITIVE.check(v3, history))
                .singleElement().asString()
                .contains("the new schema cannot read data written with version 1")
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE");
        assertThat(CompatibilityLevel.FULL_TRANSITIVE.check(v3, history)).isNotEmpty();
    }

    @Test
    void transitiveForwardChecksEveryVersionNotOnlyTheLatest() {
        // v1 readers need b, which v3 no longer writes; v2 readers have a default for it.
        List<Version> history = versions(record(A, B_REQUIRED), record(A, B_DEFAULT));
        Schema v3 = record(A);

        assertThat(CompatibilityLevel.FORWARD.check(v3, history)).isEmpty();
        assertThat(CompatibilityLevel.FORWARD_TRANSITIVE.check(v3, history))
                .singleElement().asString()
                .contains("version 1 cannot read data written with the new schema");
    }

    @Test
    void nothingToCheckAgainstIsCompatible() {
        for (CompatibilityLevel level : CompatibilityLevel.values()) {
            assertThat(level.check(record(A), List.of())).isEmpty();
        }
    }

    @Test
    void parsesCaseInsensitively() {
        assertThat(CompatibilityLevel.parse("full_transitive")).contains(CompatibilityLevel.FULL_TRANSITIVE);
        assertThat(CompatibilityLevel.parse(" Backward ")).contains(CompatibilityLevel.BACKWARD);
        assertThat(CompatibilityLevel.parse("SOMETIMES")).isEmpty();
        assertThat(CompatibilityLevel.parse(null)).isEmpty();
        assertThat(CompatibilityLevel.DEFAULT).isEqualTo(CompatibilityLevel.BACKWARD);
    }
}
