package io.newswatch.registry.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One event as one line of JSON, e.g. {@code {"type":"schema","subject":"a-value","version":1,"id":1,"schema":"..."}}. */
final class SchemaEventCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemaEventCodec() {}

    static String encode(SchemaEvent event) {
        ObjectNode node = JSON.createObjectNode();
        if (event instanceof SchemaEvent.SchemaRegistered e) {
            node.put("type", "schema").put("subject", e.subject()).put("version", e.version()).put("id", e.id())
                    .put("schema", e.schema());
        } else if (event instanceof SchemaEvent.ConfigSet e) {
            node.put("type", "config").put("subject", e.subject()).put("compatibility", e.compatibility());
        } else if (event instanceof SchemaEvent.SubjectDeleted e) {
            node.put("type", "delete").put("subject", e.subject());
        } else {
            throw new IllegalArgumentException("Unknown event " + event);
        }
        return node.toString(); // compact: Jackson escapes newlines inside strings, so this is one line
    }

    /** @throws IllegalArgumentException when the line is not a valid event */
    static SchemaEvent decode(String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String type = node.path("type").asText("");
        switch (type) {
            case "schema":
                return new SchemaEvent.SchemaRegistered(
                        text(node, "subject", true), integer(node, "version"), integer(node, "id"), text(node, "schema", true));
            case "config":
                return new SchemaEvent.ConfigSet(text(node, "subject", false), text(node, "compatibility", false));
            case "delete":
                return new SchemaEvent.SubjectDeleted(text(node, "subject", true));
            default:
                throw new IllegalArgumentException("unknown event type '" + type + "'");
        }
    }

    private static String text(JsonNode node, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new IllegalArgumentException("missing \"" + field + "\"");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException("\"" + field + "\" is not a string");
        }
        return value.asText();
    }

    private static int integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isInt()) {
            throw new IllegalArgumentException("\"" + field + "\" is not an integer");
        }
        return value.intValue();
    }
}
