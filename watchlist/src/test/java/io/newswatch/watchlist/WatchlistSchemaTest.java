package io.newswatch.watchlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** The published JSON Schema accepts what the parser accepts, and rejects what it rejects. */
class WatchlistSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema SCHEMA = schema();

    private static JsonSchema schema() {
        try (InputStream in = WatchlistFiles.class.getResourceAsStream(WatchlistFiles.SCHEMA_RESOURCE)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JSON.readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = WatchlistSchemaTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Set<ValidationMessage> validate(String yaml) {
        Object data = new Load(LoadSettings.builder().build()).loadFromString(yaml);
        JsonNode node = JSON.valueToTree(data);
        return SCHEMA.validate(node);
    }

    @Test
    void acceptsTheDocumentedExampleAndTheBundledDefaults() throws Exception {
        assertThat(validate(resource("/watchlists/issue-example.yaml"))).isEmpty();
        assertThat(validate(resource(WatchlistFiles.DEFAULT_RESOURCE))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown-key", "bad-id", "missing-match", "two-word-term", "entity-type", "empty-any",
            "two-kinds", "min-score"})
    void schemaAndParserRejectTheSameFiles(String name) throws Exception {
        String yaml = resource("/watchlists/invalid/" + name + ".yaml");
        assertThat(validate(yaml)).as("schema errors for %s", name).isNotEmpty();
        assertThatThrownBy(() -> WatchlistParser.parse(yaml, name + ".yaml")).isInstanceOf(InvalidWatchlistException.class);
    }
}
