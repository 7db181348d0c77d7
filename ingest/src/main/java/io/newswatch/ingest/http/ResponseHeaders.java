package io.newswatch.ingest.http;

import java.util.ArrayList;
import java.util.Collections;
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

    public static ResponseHeaders of(Map<String, List<String>> fields) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        fields.forEach((name, values) -> copy.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
        copy.replaceAll((name, values) -> List.copyOf(values));
        return new ResponseHeaders(Collections.unmodifiableMap(copy));
    }

    public Optional<String> firstValue(String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public List<String> allValues(String name) {
        return fields.getOrDefault(name, List.of());
    }

    /** All fields; the map's keys compare case-insensitively. */
    public Map<String, List<String>> map() {
        return fields;
    }

    @Override
    public String toString() {
        return fields.toString();
    }
}
