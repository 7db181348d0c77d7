package io.newswatch.serde;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswatch.schemas.RawArticle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Set;
import org.apache.avro.Schema;

/** Variants of generated schemas, for evolution scenarios. */
final class SchemaFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemaFixtures() {}

    /** RawArticle plus a field {@code section} with a default: what a future release might add. */
    static Schema rawArticleWithExtraField() {
        return withField(RawArticle.getClassSchema(), "{\"name\":\"section\",\"type\":\"string\",\"default\":\"unknown\"}");
    }

    /** RawArticle plus a required field {@code section}: current records cannot be written with it. */
    static Schema rawArticleWithRequiredExtraField() {
        return withField(RawArticle.getClassSchema(), "{\"name\":\"section\",\"type\":\"string\"}");
    }

    /** An earlier RawArticle: without the fields that were added with defaults later. */
    static Schema rawArticleV0() {
        return withoutFields(RawArticle.getClassSchema(), Set.of("canonicalUrl", "authors", "language", "attributes"));
    }

    static Schema withField(Schema base, String fieldJson) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(base.toString());
            ((ArrayNode) root.get("fields")).add(JSON.readTree(fieldJson));
            return new Schema.Parser().parse(root.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Schema withoutFields(Schema base, Set<String> names) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(base.toString());
            for (Iterator<?> it = root.get("fields").elements(); it.hasNext(); ) {
                if (names.contains(((ObjectNode) it.next()).get("name").asText())) {
                    it.remove();
                }
            }
            return new Schema.Parser().parse(root.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
