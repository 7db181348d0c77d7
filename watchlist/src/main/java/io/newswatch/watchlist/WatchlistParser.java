package io.newswatch.watchlist;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

import io.newswatch.schemas.EntityType;
import io.newswatch.schemas.Severity;

/**
 * Reads watch-list YAML into {@link Watchlist}s, reporting every problem with its file, line and
 * column. YAML is composed into plain nodes only (no object construction), with limits on size,
 * nesting and alias expansion, because watch-list files may come from many hands.
 */
public final class WatchlistParser {

    static final int MAX_FILE_CODE_POINTS = 8 * 1024 * 1024;
    static final int MAX_ALIASES = 50;
    static final int MAX_DEPTH = 50;
    /** Each clause level takes a mapping and a list: room for {@link #MAX_DEPTH} of them and then some. */
    static final int MAX_FLOW_DEPTH = 4 * MAX_DEPTH;

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    private static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(s|m|h|d|w)");
    private static final Set<String> WATCHLIST_KEYS = Set.of("id", "name", "description", "severity", "languages",
            "sources", "throttle", "topic", "updates", "match");
    private static final Set<String> MATCH_KEYS = Set.of("any", "all", "none");

    private final String file;
    private final List<WatchlistProblem> problems = new ArrayList<>();
    private final Map<String, SourcePosition> positions = new HashMap<>();
    private String currentId;

    private WatchlistParser(String file) {
        this.file = file;
    }

    /** Parses {@code yaml}; {@code file} names the source in problems. */
    public static List<Watchlist> parse(String yaml, String file) throws InvalidWatchlistException {
        return new WatchlistParser(file).parseDocument(yaml);
    }

    /** The watch-lists of a file with where each watch-list and clause starts in it. */
    public record Parsed(List<Watchlist> watchlists, Map<String, SourcePosition> positions) {

        /** Where the clause at {@code path} of watch-list {@code id} starts ({@code path} "" = the watch-list). */
        public SourcePosition position(String id, String path) {
            return positions.get(SourcePosition.key(id, path));
        }
    }

    /** Like {@link #parse} but also tells where each watch-list and clause is, to locate later problems. */
    public static Parsed parseLocated(String yaml, String file) throws InvalidWatchlistException {
        WatchlistParser parser = new WatchlistParser(file);
        List<Watchlist> watchlists = parser.parseDocument(yaml);
        return new Parsed(watchlists, Map.copyOf(parser.positions));
    }

    /**
     * The YAML library parses nested collections recursively, so a few kilobytes of {@code [[[[...}
     * would exhaust the stack; flow collections nested deeper than watch-lists ever need are refused
     * before parsing, at the bracket that goes too deep.
     */
    private void checkFlowNesting(String yaml) throws InvalidWatchlistException {
        int depth = 0;
        int line = 1;
        int column = 0;
        char quote = 0;
        boolean comment = false;
        char previous = '\n';
        for (int i = 0; i < yaml.length(); i++) {
            char c = yaml.charAt(i);
            column++;
            if (c == '\n') {
                line++;
                column = 0;
                comment = false;
            } else if (comment) {
                // rest of the line is a comment
            } else if (quote != 0) {
                if (c == '\\' && quote == '"') {
                    i++;
                    column++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '#' && Character.isWhitespace(previous)) {
                comment = true;
            } else if ((c == '"' || c == '\'') && depth > 0) {
                quote = c;
            } else if (c == '[' || c == '{') {
                if (++depth > MAX_FLOW_DEPTH) {
                    throw new InvalidWatchlistException(List.of(new WatchlistProblem(file, line, column,
                            "invalid YAML: collections nested deeper than " + MAX_FLOW_DEPTH)));
                }
            } else if ((c == ']' || c == '}') && depth > 0) {
                depth--;
            }
            previous = c;
        }
    }

    private List<Watchlist> parseDocument(String yaml) throws InvalidWatchlistException {
        checkFlowNesting(yaml);
        Optional<Node> root;
        try {
            LoadSettings settings = LoadSettings.builder()
                    .setLabel(file)
                    .setAllowDuplicateKeys(false)
                    .setMaxAliasesForCollections(MAX_ALIASES)
                    .setCodePointLimit(MAX_FILE_CODE_POINTS)
                    .build();
            Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, yaml)));
            root = composer.getSingleNode();
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark();
            throw new InvalidWatchlistException(List.of(new WatchlistProblem(file,
                    mark.map(m -> m.getLine() + 1).orElse(1), mark.map(m -> m.getColumn() + 1).orElse(1),
                    "invalid YAML: " + e.getProblem())));
        } catch (YamlEngineException e) {
            throw new InvalidWatchlistException(List.of(new WatchlistProblem(file, 1, 1, "invalid YAML: " + e.getMessage())));
        } catch (RuntimeException e) {
            // the YAML library lets a few malformed inputs through as plain runtime exceptions (found by
            // fuzzing: a \U escape cut off by the end of the file gives a NumberFormatException)
            throw new InvalidWatchlistException(List.of(new WatchlistProblem(file, 1, 1, "invalid YAML: " + e)));
        } catch (StackOverflowError e) {
            // block collections indented thousands of levels deep; the flow check above catches the cheap case
            throw new InvalidWatchlistException(List.of(new WatchlistProblem(file, 1, 1,
                    "invalid YAML: collections nested too deeply")));
        }
        if (root.isEmpty()) {
            throw new InvalidWatchlistException(List.of(new WatchlistProblem(file, 1, 1,
                    "empty file: expected a mapping with a 'watchlists' list")));
        }
        List<Watchlist> result = new ArrayList<>();
        Map<String, Node> top = mapping(root.get(), "the file", Set.of("watchlists"));
        if (top != null) {
            Node list = top.get("watchlists");
            if (list == null) {
                problem(root.get(), "missing 'watchlists' list");
            } else {
                List<Node> items = sequence(list, "watchlists");
                Set<String> ids = new HashSet<>();
                for (int i = 0; items != null && i < items.size(); i++) {
                    Watchlist w = watchlist(items.get(i), i);
                    if (w != null && !ids.add(w.id())) {
                        problem(items.get(i), "duplicate watch-list id '" + w.id() + "'");
                    } else if (w != null) {
                        result.add(w);
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidWatchlistException(problems);
        }
        return result;
    }

    private Watchlist watchlist(Node node, int index) {
        String where = "watchlists[" + index + "]";
        Map<String, Node> m = mapping(node, where, WATCHLIST_KEYS);
        if (m == null) {
            return null;
        }
        int before = problems.size();
        String id = requiredScalar(m, node, "id");
        currentId = id;
        remember("", node);
        if (id != null && !ID.matcher(id).matches()) {
            problem(m.get("id"), "id '" + id + "' must be lower-case letters, digits, '.', '_' or '-' (at most 100)");
        }
        String name = optionalScalar(m, "name", id);
        Severity severity = Severity.MEDIUM;
        String severityText = optionalScalar(m, "severity", null);
        if (severityText != null) {
            try {
                severity = Severity.valueOf(severityText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problem(m.get("severity"), "severity must be one of low, medium, high, critical; was '" + severityText + "'");
            }
        }
        List<String> languages = stringList(m.get("languages"), "languages");
        List<String> sources = stringList(m.get("sources"), "sources");
        Duration throttle = Watchlist.DEFAULT_THROTTLE;
        String throttleText = optionalScalar(m, "throttle", null);
        if (throttleText != null) {
            throttle = duration(throttleText, m.get("throttle"));
        }
        String topic = optionalScalar(m, "topic", null);
        if (topic != null && !TOPIC_NAME.matcher(topic).matches()) {
            problem(m.get("topic"), "topic '" + topic + "' is not a valid Kafka topic name");
        }
        boolean updates = false;
        String updatesText = optionalScalar(m, "updates", null);
        if (updatesText != null) {
            if (updatesText.equalsIgnoreCase("true") || updatesText.equalsIgnoreCase("false")) {
                updates = Boolean.parseBoolean(updatesText);
            } else {
                problem(m.get("updates"), "updates must be true or false; was '" + updatesText + "'");
            }
        }
        Clause match = null;
        Node matchNode = m.get("match");
        if (matchNode == null) {
            problem(node, "missing 'match'");
        } else {
            remember("match", matchNode);
            match = block(matchNode, "match", 0);
        }
        return problems.size() == before
                ? new Watchlist(id, name, severity, languages, sources, throttle, topic, match, updates)
                : null;
    }

    /** A mapping of any/all/none lists, combined as all(all..., any(any...), none(none...)). */
    private Clause block(Node node, String path, int depth) {
        Map<String, Node> m = mapping(node, path, MATCH_KEYS);
        if (m == null) {
            return null;
        }
        if (m.isEmpty()) {
            problem(node, path + " needs at least one of any, all, none");
            return null;
        }
        List<Clause> parts = new ArrayList<>();
        for (Map.Entry<String, Node> e : m.entrySet()) {
            List<Clause> clauses = clauseList(e.getValue(), path + "." + e.getKey(), depth + 1);
            switch (e.getKey()) {
                case "all" -> parts.add(new Clause.All(path + ".all", clauses));
                case "any" -> parts.add(new Clause.Any(path + ".any", clauses));
                default -> parts.add(new Clause.None(path + ".none", clauses));
            }
        }
        return parts.size() == 1 ? parts.get(0) : new Clause.All(path, parts);
    }

    private List<Clause> clauseList(Node node, String path, int depth) {
        remember(path, node);
        List<Node> items = sequence(node, path);
        List<Clause> clauses = new ArrayList<>();
        if (items == null) {
            return clauses;
        }
        if (items.isEmpty()) {
            problem(node, path + " is empty");
        }
        for (int i = 0; i < items.size(); i++) {
            Clause c = clause(items.get(i), path + "[" + i + "]", depth);
            if (c != null) {
                clauses.add(c);
            }
        }
        return clauses;
    }

    private Clause clause(Node node, String path, int depth) {
        if (depth > MAX_DEPTH) {
            problem(node, "clauses nested deeper than " + MAX_DEPTH);
            return null;
        }
        remember(path, node);
        Map<String, Node> m = mapping(node, path, Set.of("term", "phrase", "query", "entity", "topic", "any", "all", "none"));
        if (m == null) {
            return null;
        }
        if (m.size() != 1) {
            problem(node, path + " must have exactly one of term, phrase, query, entity, topic, any, all, none");
            return null;
        }
        Map.Entry<String, Node> e = m.entrySet().iterator().next();
        Node value = e.getValue();
        return switch (e.getKey()) {
            case "term" -> text(value, path, (p, s) -> s.isBlank() || s.trim().contains(" ")
                    ? invalid(value, "term must be a single word; use phrase for several")
                    : new Clause.Term(p, s.trim()));
            case "phrase" -> text(value, path, (p, s) -> s.isBlank() ? invalid(value, "phrase is empty")
                    : new Clause.Phrase(p, s.trim()));
            case "query" -> text(value, path, (p, s) -> s.isBlank() ? invalid(value, "query is empty")
                    : new Clause.Query(p, s.trim()));
            case "entity" -> entity(value, path);
            case "topic" -> topic(value, path);
            case "any" -> new Clause.Any(path, clauseList(value, path + ".any", depth + 1));
            case "all" -> new Clause.All(path, clauseList(value, path + ".all", depth + 1));
            default -> new Clause.None(path, clauseList(value, path + ".none", depth + 1));
        };
    }

    private Clause entity(Node node, String path) {
        Map<String, Node> m = mapping(node, path + ".entity", Set.of("type", "name", "aliases", "id"));
        if (m == null) {
            return null;
        }
        String name = requiredScalar(m, node, "name");
        String typeText = requiredScalar(m, node, "type");
        EntityType type = null;
        if (typeText != null) {
            type = switch (typeText.toLowerCase(Locale.ROOT)) {
                case "person", "per" -> EntityType.PERSON;
                case "organization", "organisation", "org" -> EntityType.ORGANIZATION;
                case "location", "loc", "place" -> EntityType.LOCATION;
                case "misc", "other" -> EntityType.MISC;
                default -> {
                    problem(m.get("type"), "entity type must be person, organization, location or misc; was '" + typeText + "'");
                    yield null;
                }
            };
        }
        List<String> aliases = stringList(m.get("aliases"), "aliases");
        String id = optionalScalar(m, "id", null);
        if (name == null || type == null) {
            return null;
        }
        return new Clause.Entity(path, type, name.trim(), aliases, id);
    }

    private Clause topic(Node node, String path) {
        if (node instanceof ScalarNode s) {
            return s.getValue().isBlank() ? invalid(node, "topic code is empty") : new Clause.Topic(path, s.getValue().trim(), 0.0);
        }
        Map<String, Node> m = mapping(node, path + ".topic", Set.of("code", "minScore"));
        if (m == null) {
            return null;
        }
        String code = requiredScalar(m, node, "code");
        double minScore = 0.0;
        String min = optionalScalar(m, "minScore", null);
        if (min != null) {
            try {
                minScore = Double.parseDouble(min);
                if (minScore < 0 || minScore > 1) {
                    problem(m.get("minScore"), "minScore must be between 0 and 1");
                }
            } catch (NumberFormatException e) {
                problem(m.get("minScore"), "minScore must be a number between 0 and 1; was '" + min + "'");
            }
        }
        return code == null ? null : new Clause.Topic(path, code, minScore);
    }

    private Clause text(Node node, String path, BiFunction<String, String, Clause> build) {
        if (!(node instanceof ScalarNode s)) {
            problem(node, path + " must be text");
            return null;
        }
        return build.apply(path, s.getValue());
    }

    private Clause invalid(Node node, String message) {
        problem(node, message);
        return null;
    }

    /**
     * A duration as watch-lists write it: 30s, 30m, 24h, 7d, 2w, or ISO-8601 (PT12H).
     *
     * @throws DateTimeParseException when it is neither
     */
    public static Duration parseDuration(String text) {
        Matcher m = SHORT_DURATION.matcher(text.trim());
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
            };
        }
        return Duration.parse(text.trim());
    }

    private Duration duration(String text, Node node) {
        try {
            return parseDuration(text);
        } catch (DateTimeParseException e) {
            problem(node, "throttle must be a duration such as 30m, 24h, 7d or PT12H; was '" + text + "'");
            return Watchlist.DEFAULT_THROTTLE;
        }
    }

    private Map<String, Node> mapping(Node node, String where, Set<String> allowedKeys) {
        if (!(node instanceof MappingNode mapping)) {
            problem(node, where + " must be a mapping");
            return null;
        }
        Map<String, Node> result = new LinkedHashMap<>();
        for (NodeTuple t : mapping.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key)) {
                problem(t.getKeyNode(), "keys must be plain text");
                continue;
            }
            if (!allowedKeys.contains(key.getValue())) {
                problem(key, "unknown key '" + key.getValue() + "' in " + where + " (expected one of "
                        + allowedKeys.stream().sorted().toList() + ")");
                continue;
            }
            // The composer does not reject duplicate keys; YAML forbids them and a second 'match'
            // silently replacing the first would be a nasty surprise.
            if (result.containsKey(key.getValue())) {
                problem(key, "duplicate key '" + key.getValue() + "' in " + where);
                continue;
            }
            result.put(key.getValue(), t.getValueNode());
        }
        return result;
    }

    private List<Node> sequence(Node node, String where) {
        if (!(node instanceof SequenceNode seq)) {
            problem(node, where + " must be a list");
            return null;
        }
        return seq.getValue();
    }

    private List<String> stringList(Node node, String where) {
        if (node == null) {
            return List.of();
        }
        List<Node> items = sequence(node, where);
        List<String> values = new ArrayList<>();
        if (items != null) {
            for (Node item : items) {
                if (item instanceof ScalarNode s && !s.getValue().isBlank()) {
                    values.add(s.getValue().trim());
                } else {
                    problem(item, where + " must hold non-empty text items");
                }
            }
        }
        return List.copyOf(values);
    }

    private String requiredScalar(Map<String, Node> m, Node owner, String key) {
        Node node = m.get(key);
        if (node == null) {
            problem(owner, "missing '" + key + "'");
            return null;
        }
        String value = scalar(node, key);
        if (value != null && value.isBlank()) {
            problem(node, "'" + key + "' is empty");
            return null;
        }
        return value;
    }

    private String optionalScalar(Map<String, Node> m, String key, String fallback) {
        Node node = m.get(key);
        if (node == null) {
            return fallback;
        }
        String value = scalar(node, key);
        return value == null ? fallback : value;
    }

    private String scalar(Node node, String key) {
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        problem(node, "'" + key + "' must be text");
        return null;
    }

    private void remember(String path, Node node) {
        if (currentId != null && node != null) {
            node.getStartMark().ifPresent(m -> positions.put(SourcePosition.key(currentId, path),
                    new SourcePosition(file, m.getLine() + 1, m.getColumn() + 1)));
        }
    }

    private void problem(Node node, String message) {
        Optional<Mark> mark = node == null ? Optional.empty() : node.getStartMark();
        problems.add(new WatchlistProblem(file, mark.map(m -> m.getLine() + 1).orElse(1),
                mark.map(m -> m.getColumn() + 1).orElse(1), message));
    }
}
