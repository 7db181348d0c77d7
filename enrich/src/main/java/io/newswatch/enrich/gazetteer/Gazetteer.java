package io.newswatch.enrich.gazetteer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import io.newswatch.schemas.EntityType;

/**
 * Names of places, nationalities and organisations everyone knows, for a dictionary pass that
 * finds what the name finder misses (all-capitals headlines) and settles its type ("Pakistan" is a
 * place, also as a cricket side). The bundled list ({@value #DEFAULT_RESOURCE}) is compiled from
 * public facts; users add theirs with YAML files of the same form:
 *
 * <pre>
 * version: 1
 * countries: [Italy, ...]        # LOCATION, type settled
 * cities: [Harare, ...]          # LOCATION
 * regions: [Middle East, ...]    # LOCATION
 * nationalities: [Italian, ...]  # MISC, type settled
 * organizations: [NATO, ...]     # ORGANIZATION, type settled
 * </pre>
 */
public final class Gazetteer {

    public static final String DEFAULT_RESOURCE = "/io/newswatch/enrich/gazetteer/gazetteer.yaml";

    /** One known name: its type, and whether it settles the type of a model mention of exactly that name. */
    public record Entry(String name, String[] tokens, EntityType type, boolean settlesType) {
    }

    private static final Map<String, EntityType> LISTS = Map.of("countries", EntityType.LOCATION, "cities",
            EntityType.LOCATION, "regions", EntityType.LOCATION, "nationalities", EntityType.MISC, "organizations",
            EntityType.ORGANIZATION);

    private static final Gazetteer EMPTY = new Gazetteer(List.of(), "none");
    private static volatile Gazetteer bundled;

    /** Entries by their first token, exactly as written and in lower case. */
    private final Map<String, List<Entry>> byFirst = new HashMap<>();
    private final Map<String, List<Entry>> byFirstLower = new HashMap<>();
    private final int size;
    private final String version;

    private Gazetteer(List<Entry> listed, String version) {
        // A name listed twice keeps its last entry.
        Map<String, Entry> byName = new java.util.LinkedHashMap<>();
        listed.forEach(e -> byName.put(e.name(), e));
        List<Entry> entries = new ArrayList<>(byName.values());
        for (Entry e : entries) {
            byFirst.computeIfAbsent(e.tokens()[0], k -> new ArrayList<>()).add(e);
            byFirstLower.computeIfAbsent(e.tokens()[0].toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(e);
        }
        // Longest first, so that "Saudi Arabia" wins over "Saudi".
        byFirst.values().forEach(l -> l.sort((a, b) -> b.tokens().length - a.tokens().length));
        byFirstLower.values().forEach(l -> l.sort((a, b) -> b.tokens().length - a.tokens().length));
        this.size = entries.size();
        this.version = version;
    }

    public static Gazetteer empty() {
        return EMPTY;
    }

    /** The bundled gazetteer. */
    public static Gazetteer bundled() {
        if (bundled == null) {
            try (InputStream in = Gazetteer.class.getResourceAsStream(DEFAULT_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("bundled gazetteer " + DEFAULT_RESOURCE + " is missing from the classpath");
                }
                List<Entry> entries = new ArrayList<>();
                String v = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT_RESOURCE, entries);
                bundled = new Gazetteer(entries, v);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bundled;
    }

    /**
     * The bundled gazetteer extended with the user's files; a later file's entry for a name
     * replaces an earlier one.
     *
     * @throws IllegalArgumentException naming the file and field of a bad file
     */
    public static Gazetteer bundledWith(List<Path> files) {
        if (files.isEmpty()) {
            return bundled();
        }
        List<Entry> all = new ArrayList<>(bundled().entries());
        StringBuilder version = new StringBuilder(bundled().version());
        for (Path f : files) {
            List<Entry> entries = new ArrayList<>();
            String content;
            try {
                content = Files.readString(f, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException("gazetteer " + f + ": cannot read: " + e.getMessage(), e);
            }
            version.append('+').append(f.getFileName()).append('@').append(parse(content, f.toString(), entries));
            all.addAll(entries);
        }
        return new Gazetteer(all, version.toString()); // the constructor keeps a name's last entry
    }

    /** Parses one gazetteer file into {@code into}; returns its version. */
    static String parse(String yaml, String where, List<Entry> into) {
        Object doc;
        try {
            doc = new Load(LoadSettings.builder().setLabel(where).build()).loadFromString(yaml);
        } catch (YamlEngineException e) {
            throw new IllegalArgumentException("gazetteer " + where + ": not valid YAML: " + e.getMessage(), e);
        }
        if (!(doc instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("gazetteer " + where + ": expected a mapping with lists such as 'countries'");
        }
        String version = "unversioned";
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (key.equals("version")) {
                version = String.valueOf(e.getValue());
                continue;
            }
            EntityType type = LISTS.get(key);
            if (type == null) {
                throw new IllegalArgumentException("gazetteer " + where + ": unknown field '" + key + "' (use version, "
                        + String.join(", ", LISTS.keySet().stream().sorted().toList()) + ")");
            }
            if (!(e.getValue() instanceof List<?> names)) {
                throw new IllegalArgumentException("gazetteer " + where + ": field '" + key + "' must be a list of names");
            }
            boolean settles = !key.equals("cities") && !key.equals("regions");
            for (Object n : names) {
                String name = String.valueOf(n).strip().replaceAll("\\s+", " ");
                if (name.length() < 2) {
                    throw new IllegalArgumentException("gazetteer " + where + ": field '" + key + "': name '" + name
                            + "' is too short");
                }
                into.add(new Entry(name, name.split(" "), type, settles));
            }
        }
        return version;
    }

    public List<Entry> entries() {
        List<Entry> all = new ArrayList<>();
        byFirst.values().forEach(all::addAll);
        return all;
    }

    public int size() {
        return size;
    }

    public String version() {
        return version;
    }

    /** The entry that is the whole of {@code tokens}, no more and no less; null if none. */
    public Entry named(String[] tokens, boolean ignoreCase) {
        Entry e = tokens.length == 0 ? null : match(tokens, 0, ignoreCase);
        return e != null && e.tokens().length == tokens.length ? e : null;
    }

    /**
     * The longest entry whose tokens are {@code tokens[at..]}: exactly as written, or ignoring
     * case when {@code ignoreCase} (text in capitals); null if none.
     */
    public Entry match(String[] tokens, int at, boolean ignoreCase) {
        List<Entry> candidates = ignoreCase ? byFirstLower.get(tokens[at].toLowerCase(Locale.ROOT)) : byFirst.get(tokens[at]);
        if (candidates == null) {
            return null;
        }
        for (Entry e : candidates) {
            if (at + e.tokens().length > tokens.length) {
                continue;
            }
            boolean all = true;
            for (int i = 1; i < e.tokens().length && all; i++) {
                all = ignoreCase ? e.tokens()[i].equalsIgnoreCase(tokens[at + i]) : e.tokens()[i].equals(tokens[at + i]);
            }
            if (all) {
                return e;
            }
        }
        return null;
    }
}
