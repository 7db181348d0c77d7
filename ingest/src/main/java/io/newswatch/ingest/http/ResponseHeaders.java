package io.newswatch.ingest.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Response header fields by name, looked up case-insensitively, each with its values in the order received. */
public final class ResponseHeaders {

    private final Map<String, List<String>> fields;

    private ResponseHeaders(Map<String, List<String>> fields) {
        this.fields = fields;
    }

    /** The fields as received, one (name, value) pair per header line. */
    public static ResponseHeaders of(List<Map.Entry<String, String>> lines) {
        Map<String, List<String>> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, String> line : lines) {
            fields.computeIfAbsent(line.getKey(), n -> new ArrayList<>()).add(line.getValue());
        }
        return new ResponseHeaders(fields);
    }

    public Optional<String> firstValue(String name) {
        List<String> values = fields.get(name);
        return values == null ? Optional.empty() : Optional.of(values.get(0));
    }

    @Override
    public String toString() {
        return fields.toString();
    }
}
