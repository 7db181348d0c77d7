package io.newswatch.enrich.topic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Topics with labels, descriptions, exemplar headlines and weighted cues, from YAML:
 *
 * <pre>
 * threshold: 0.3     # topics scoring below are dropped (an article's best topic is kept)
 * topK: 3            # at most this many topics per article
 * topics:
 *   - code: sport
 *     label: Sport
 *     description: Matches, results, players, clubs and competitions.
 *     exemplars: ["Striker scores twice as United win the derby", ...]
 *     cues: { football: 3, "world cup": 3, "goal*": 1 }
 * </pre>
 *
 * A cue is a word or phrase matched case-insensitively on whole words; a trailing {@code *} matches
 * any word starting with it. Problems are reported as {@code file:line:column: message}.
 */
public record Taxonomy(double threshold, int topK, List<TopicDefinition> topics) {

    public static final String DEFAULT_RESOURCE = "/io/newswatch/enrich/topics-iptc.yaml";

    private static final Set<String> ROOT_KEYS = Set.of("threshold", "topK", "topics");
    private static final Set<String> TOPIC_KEYS = Set.of("code", "label", "description", "exemplars", "cues");

    public record TopicDefinition(String code, String label, String description, Map<String, Double> cues,
            List<String> exemplars) {

        public TopicDefinition(String code, String label, Map<String, Double> cues) {
            this(code, label, "", cues, List.of());
        }
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

    /** @throws IllegalArgumentException naming the file, line, column and field of the first problem */
    public static Taxonomy parse(String yaml, String source) {
        Optional<Node> composed;
        try {
            composed = new Compose(LoadSettings.builder().setLabel(source).build()).composeString(yaml);
        } catch (MarkedYamlEngineException e) {
            throw new IllegalArgumentException(where(source, e.getProblemMark().orElse(null)) + ": invalid YAML: "
                    + e.getProblem(), e);
        } catch (YamlEngineException e) {
            throw new IllegalArgumentException(source + ": invalid YAML: " + e.getMessage(), e);
        }
        return new Parser(source).taxonomy(composed.orElse(null));
    }

    private static String where(String source, Mark mark) {
        return mark == null ? source : source + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
    }

    /** Walks the YAML nodes, which keep their positions for error messages. */
    private record Parser(String source) {

        Taxonomy taxonomy(Node root) {
            if (!(root instanceof MappingNode map)) {
                throw problem(root, "", "expected a mapping with 'topics'");
            }
            Map<String, NodeTuple> fields = fields(map, "", ROOT_KEYS);
            double threshold = number(fields.get("threshold"), 0.3, "threshold");
            if (threshold < 0 || threshold > 1) {
                throw problem(fields.get("threshold").getValueNode(), "threshold", "must be between 0 and 1");
            }
            int topK = (int) number(fields.get("topK"), 3, "topK");
            if (topK < 1) {
                throw problem(fields.get("topK").getValueNode(), "topK", "must be at least 1");
            }
            NodeTuple topicsField = fields.get("topics");
            if (topicsField == null || !(topicsField.getValueNode() instanceof SequenceNode list)
                    || list.getValue().isEmpty()) {
                throw problem(topicsField == null ? root : topicsField.getValueNode(), "topics", "must be a non-empty list");
            }
            List<TopicDefinition> topics = new ArrayList<>();
            Set<String> codes = new HashSet<>();
            for (int i = 0; i < list.getValue().size(); i++) {
                TopicDefinition topic = topic(list.getValue().get(i), "topics[" + i + "]");
                if (!codes.add(topic.code())) {
                    throw problem(list.getValue().get(i), "topics[" + i + "].code", "duplicate code '" + topic.code() + "'");
                }
                topics.add(topic);
            }
            return new Taxonomy(threshold, topK, List.copyOf(topics));
        }

        private TopicDefinition topic(Node node, String path) {
            if (!(node instanceof MappingNode map)) {
                throw problem(node, path, "must be a mapping");
            }
            Map<String, NodeTuple> fields = fields(map, path, TOPIC_KEYS);
            String code = text(fields.get("code"), path + ".code");
            if (code == null || code.isBlank()) {
                throw problem(fields.containsKey("code") ? fields.get("code").getValueNode() : node, path + ".code",
                        "is required");
            }
            String label = text(fields.get("label"), path + ".label");
            String description = text(fields.get("description"), path + ".description");
            Map<String, Double> cues = new LinkedHashMap<>();
            NodeTuple cueField = fields.get("cues");
            if (cueField != null) {
                if (!(cueField.getValueNode() instanceof MappingNode cueMap)) {
                    throw problem(cueField.getValueNode(), path + ".cues", "must be a mapping of cue to weight");
                }
                for (NodeTuple cue : cueMap.getValue()) {
                    String word = scalar(cue.getKeyNode(), path + ".cues").strip();
                    cues.put(word, number(cue, 1.0, path + ".cues." + word));
                }
            }
            List<String> exemplars = new ArrayList<>();
            NodeTuple exemplarField = fields.get("exemplars");
            if (exemplarField != null) {
                if (!(exemplarField.getValueNode() instanceof SequenceNode seq)) {
                    throw problem(exemplarField.getValueNode(), path + ".exemplars", "must be a list of headlines or leads");
                }
                for (int j = 0; j < seq.getValue().size(); j++) {
                    String exemplar = scalar(seq.getValue().get(j), path + ".exemplars[" + j + "]").strip();
                    if (!exemplar.isEmpty()) {
                        exemplars.add(exemplar);
                    }
                }
            }
            return new TopicDefinition(code.strip(), label == null ? code.strip() : label.strip(),
                    description == null ? "" : description.strip(), cues, List.copyOf(exemplars));
        }

        /** The fields of a mapping by name; a name outside {@code allowed} is a typo and an error. */
        private Map<String, NodeTuple> fields(MappingNode map, String path, Set<String> allowed) {
            Map<String, NodeTuple> fields = new LinkedHashMap<>();
            for (NodeTuple t : map.getValue()) {
                String key = scalar(t.getKeyNode(), path);
                if (!allowed.contains(key)) {
                    throw problem(t.getKeyNode(), path.isEmpty() ? key : path + "." + key,
                            "unknown field; expected one of " + allowed.stream().sorted().toList());
                }
                fields.put(key, t);
            }
            return fields;
        }

        private String text(NodeTuple field, String path) {
            return field == null ? null : scalar(field.getValueNode(), path);
        }

        private String scalar(Node node, String path) {
            if (!(node instanceof ScalarNode s)) {
                throw problem(node, path, "must be a single value");
            }
            return s.getValue();
        }

        private double number(NodeTuple field, double fallback, String path) {
            if (field == null) {
                return fallback;
            }
            String value = scalar(field.getValueNode(), path);
            try {
                return Double.parseDouble(value.strip());
            } catch (NumberFormatException e) {
                throw problem(field.getValueNode(), path, "must be a number, was '" + value + "'");
            }
        }

        private IllegalArgumentException problem(Node node, String path, String message) {
            Mark mark = node == null ? null : node.getStartMark().orElse(null);
            return new IllegalArgumentException(where(source, mark) + ": " + (path.isEmpty() ? "" : path + " ") + message);
        }
    }
}
