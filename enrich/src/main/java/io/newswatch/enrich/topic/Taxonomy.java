package io.newswatch.enrich.topic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Topics with labels and weighted cues, from YAML:
 *
 * <pre>
 * threshold: 0.3     # topics scoring below are dropped
 * topK: 3            # at most this many topics per article
 * topics:
 *   - code: sport
 *     label: Sport
 *     cues: { football: 3, "world cup": 3, "goal*": 1 }
 * </pre>
 *
 * A cue is a word or phrase matched case-insensitively on whole words; a trailing {@code *} matches
 * any word starting with it.
 */
public record Taxonomy(double threshold, int topK, List<TopicDefinition> topics) {

    public static final String DEFAULT_RESOURCE = "/io/newswatch/enrich/topics-iptc.yaml";

    public record TopicDefinition(String code, String label, Map<String, Double> cues) {
    }

    public static Taxonomy loadDefault() {
        try (InputStream in = Taxonomy.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "topics-iptc.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Taxonomy load(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    public Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        topics.forEach(t -> labels.put(t.code(), t.label()));
        return labels;
    }

    /** @throws IllegalArgumentException naming the file, line and field of the first problem */
    public static Taxonomy parse(String yaml, String source) {
        Object root;
        try {
            root = new Load(LoadSettings.builder().setLabel(source).build()).loadFromString(yaml);
        } catch (MarkedYamlEngineException e) {
            throw new IllegalArgumentException(source + ":" + (e.getProblemMark().map(m -> m.getLine() + 1).orElse(1))
                    + ": invalid YAML: " + e.getProblem(), e);
        } catch (YamlEngineException e) {
            throw new IllegalArgumentException(source + ": invalid YAML: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(source + ": expected a mapping with 'topics'");
        }
        double threshold = number(map.get("threshold"), 0.3, source, "threshold");
        int topK = (int) number(map.get("topK"), 3, source, "topK");
        if (!(map.get("topics") instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException(source + ": 'topics' must be a non-empty list");
        }
        List<TopicDefinition> topics = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String where = source + ": topics[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> t)) {
                throw new IllegalArgumentException(where + " must be a mapping");
            }
            if (!(t.get("code") instanceof String code) || code.isBlank()) {
                throw new IllegalArgumentException(where + ".code is required");
            }
            String label = t.get("label") instanceof String l ? l : code;
            Map<String, Double> cues = new LinkedHashMap<>();
            if (t.get("cues") instanceof Map<?, ?> c) {
                for (Map.Entry<?, ?> e : c.entrySet()) {
                    cues.put(String.valueOf(e.getKey()).strip(),
                            number(e.getValue(), 1.0, source, "topics[" + i + "].cues." + e.getKey()));
                }
            } else if (t.get("cues") != null) {
                throw new IllegalArgumentException(where + ".cues must be a mapping of cue to weight");
            }
            topics.add(new TopicDefinition(code.strip(), label, cues));
        }
        return new Taxonomy(threshold, topK, List.copyOf(topics));
    }

    private static double number(Object value, double fallback, String source, String field) {
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException(source + ": " + field + " must be a number, was '" + value + "'");
    }
}
