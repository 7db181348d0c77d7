package io.newswatch.ingest.feed;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
 * Reads the YAML sources file:
 *
 * <pre>
 * defaults:            # optional; applies to every feed
 *   pollInterval: 15m
 *   language: en
 * feeds:
 *   - url: https://example.org/rss.xml
 *     name: Example News
 *     pollInterval: 5m
 *     tags: [uk, politics]
 *     language: en
 *     enabled: true
 *     fetchPages: true
 * </pre>
 */
public final class SourcesFile {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMinutes(15);
    private static final Duration MIN_POLL_INTERVAL = Duration.ofSeconds(1);
    private static final Set<String> FEED_FIELDS = Set.of("url", "name", "pollInterval", "tags", "language", "enabled",
            "fetchPages");

    private SourcesFile() {
    }

    public static List<FeedSource> load(Path file) throws InvalidSourcesException, IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString());
        }
    }

    static List<FeedSource> parse(Reader reader, String name) throws InvalidSourcesException {
        Optional<Node> root;
        try {
            root = new Compose(LoadSettings.builder().setLabel(name).setAllowDuplicateKeys(false).build()).composeReader(reader);
        } catch (MarkedYamlEngineException e) {
            Mark m = e.getProblemMark().orElse(null);
            throw new InvalidSourcesException(name + (m == null ? "" : ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1))
                    + ": invalid YAML: " + e.getProblem());
        } catch (YamlEngineException e) {
            throw new InvalidSourcesException(name + ": invalid YAML: " + e.getMessage());
        }
        if (root.isEmpty()) {
            return List.of();
        }
        Map<String, Node> top = mapping(root.get(), name, "(file)", Set.of("defaults", "feeds"));
        Defaults defaults = new Defaults(DEFAULT_POLL_INTERVAL, null, List.of(), true, true);
        if (top.containsKey("defaults")) {
            Map<String, Node> d = mapping(top.get("defaults"), name, "defaults", Set.of("pollInterval", "language", "tags",
                    "enabled", "fetchPages"));
            defaults = new Defaults(
                    d.containsKey("pollInterval") ? duration(d.get("pollInterval"), name, "defaults.pollInterval")
                            : DEFAULT_POLL_INTERVAL,
                    d.containsKey("language") ? scalar(d.get("language"), name, "defaults.language") : null,
                    d.containsKey("tags") ? strings(d.get("tags"), name, "defaults.tags") : List.of(),
                    !d.containsKey("enabled") || bool(d.get("enabled"), name, "defaults.enabled"),
                    !d.containsKey("fetchPages") || bool(d.get("fetchPages"), name, "defaults.fetchPages"));
        }
        Node feedsNode = top.get("feeds");
        if (feedsNode == null) {
            return List.of();
        }
        if (!(feedsNode instanceof SequenceNode)) {
            throw error(feedsNode, name, "feeds", "must be a list of feeds");
        }
        List<FeedSource> feeds = new ArrayList<>();
        Set<URI> seen = new LinkedHashSet<>();
        int i = 0;
        for (Node item : ((SequenceNode) feedsNode).getValue()) {
            String where = "feeds[" + i++ + "]";
            Map<String, Node> f = mapping(item, name, where, FEED_FIELDS);
            if (!f.containsKey("url")) {
                throw error(item, name, where + ".url", "is required");
            }
            URI url = url(f.get("url"), name, where + ".url");
            if (!seen.add(url)) {
                throw error(f.get("url"), name, where + ".url", "is listed twice: " + url);
            }
            List<String> tags = new ArrayList<>(defaults.tags);
            if (f.containsKey("tags")) {
                tags.addAll(strings(f.get("tags"), name, where + ".tags"));
            }
            feeds.add(new FeedSource(url,
                    f.containsKey("name") ? scalar(f.get("name"), name, where + ".name") : url.getHost(),
                    f.containsKey("pollInterval") ? duration(f.get("pollInterval"), name, where + ".pollInterval")
                            : defaults.pollInterval,
                    List.copyOf(new LinkedHashSet<>(tags)),
                    f.containsKey("language") ? scalar(f.get("language"), name, where + ".language") : defaults.language,
                    f.containsKey("enabled") ? bool(f.get("enabled"), name, where + ".enabled") : defaults.enabled,
                    f.containsKey("fetchPages") ? bool(f.get("fetchPages"), name, where + ".fetchPages") : defaults.fetchPages));
        }
        return feeds;
    }

    private record Defaults(Duration pollInterval, String language, List<String> tags, boolean enabled, boolean fetchPages) {
    }

    private static Map<String, Node> mapping(Node node, String file, String field, Set<String> allowed)
            throws InvalidSourcesException {
        if (!(node instanceof MappingNode)) {
            throw error(node, file, field, "must be a mapping");
        }
        Map<String, Node> values = new LinkedHashMap<>();
        for (NodeTuple t : ((MappingNode) node).getValue()) {
            String key = scalar(t.getKeyNode(), file, field);
            if (!allowed.contains(key)) {
                throw error(t.getKeyNode(), file, field.equals("(file)") ? key : field + "." + key,
                        "unknown field (expected one of " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
            values.put(key, t.getValueNode());
        }
        return values;
    }

    private static String scalar(Node node, String file, String field) throws InvalidSourcesException {
        if (!(node instanceof ScalarNode)) {
            throw error(node, file, field, "must be a single value");
        }
        return ((ScalarNode) node).getValue().strip();
    }

    private static List<String> strings(Node node, String file, String field) throws InvalidSourcesException {
        if (node instanceof ScalarNode) {
            return List.of(scalar(node, file, field));
        }
        if (!(node instanceof SequenceNode)) {
            throw error(node, file, field, "must be a list of strings");
        }
        List<String> values = new ArrayList<>();
        for (Node n : ((SequenceNode) node).getValue()) {
            values.add(scalar(n, file, field));
        }
        return values;
    }

    private static boolean bool(Node node, String file, String field) throws InvalidSourcesException {
        String v = scalar(node, file, field).toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("yes") || v.equals("on")) {
            return true;
        }
        if (v.equals("false") || v.equals("no") || v.equals("off")) {
            return false;
        }
        throw error(node, file, field, "must be true or false, was '" + v + "'");
    }

    private static Duration duration(Node node, String file, String field) throws InvalidSourcesException {
        String v = scalar(node, file, field);
        Duration d;
        try {
            d = Durations.parse(v);
        } catch (RuntimeException e) {
            throw error(node, file, field, "must be a duration such as 30s, 5m or 1h, was '" + v + "'");
        }
        if (d.compareTo(MIN_POLL_INTERVAL) < 0) {
            throw error(node, file, field, "must be at least " + MIN_POLL_INTERVAL.toSeconds() + "s");
        }
        return d;
    }

    private static URI url(Node node, String file, String field) throws InvalidSourcesException {
        String v = scalar(node, file, field);
        try {
            URI uri = new URI(v);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw error(node, file, field, "must be an absolute http or https URL, was '" + v + "'");
    }

    private static InvalidSourcesException error(Node node, String file, String field, String message) {
        String at = node.getStartMark().map(m -> ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1)).orElse("");
        return new InvalidSourcesException(file + at + ": " + field + " " + message);
    }
}
