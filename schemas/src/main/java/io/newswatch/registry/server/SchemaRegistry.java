package io.newswatch.registry.server;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * The registry's state and rules, independent of HTTP. Every change is appended to the
 * {@link SchemaStore} first and applied to memory only once stored, so memory never holds what a
 * restart would lose. All methods are synchronized: registry traffic is tiny because clients cache.
 */
final class SchemaRegistry {

    /** A registered schema: {@code text} is Avro's normalized JSON, which is also its identity. */
    record StoredSchema(int id, Schema schema, String text) {}

    /** One version as the API shows it. */
    record VersionView(String subject, int version, int id, String schema) {}

    private static final class Subject {
        /** Live versions, version → schema id. */
        final TreeMap<Integer, Integer> versions = new TreeMap<>();
        /** Highest version ever used; versions are not reused after a delete. */
        int lastVersion;
    }

    private final SchemaStore store;
    private final Map<Integer, StoredSchema> schemasById = new HashMap<>();
    private final Map<String, Integer> idsByText = new HashMap<>();
    private final Map<String, Subject> subjects = new TreeMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel = CompatibilityLevel.DEFAULT;
    private int nextId = 1;

    SchemaRegistry(SchemaStore store) {
        this.store = store;
        List<SchemaEvent> events = store.load();
        for (int i = 0; i < events.size(); i++) {
            try {
                apply(events.get(i));
            } catch (RuntimeException e) {
                throw new IllegalStateException("Cannot replay schema store event " + (i + 1) + " (" + events.get(i) + "): "
                        + e.getMessage(), e);
            }
        }
    }

    /**
     * Registers {@code schemaText} under {@code subject}: the existing id if it is already there, the
     * global id of an identical schema of another subject, or a new id.
     */
    synchronized int register(String subject, String schemaText) {
        Schema schema = parse(schemaText);
        String text = schema.toString();
        Subject existing = subjects.get(subject);
        if (existing != null) {
            for (int id : existing.versions.values()) {
                if (schemasById.get(id).text().equals(text)) {
                    return id;
                }
            }
        }
        CompatibilityLevel level = effectiveLevel(subject);
        List<String> problems = level.check(schema, liveVersions(subject));
        if (!problems.isEmpty()) {
            throw RegistryError.incompatible("Schema being registered is incompatible with an earlier schema for subject '"
                    + subject + "' (compatibility " + level + "), details: " + String.join("; ", problems));
        }
        int id = idsByText.getOrDefault(text, nextId);
        int version = (existing == null ? 0 : existing.lastVersion) + 1;
        persist(new SchemaEvent.SchemaRegistered(subject, version, id, text));
        return id;
    }

    /** The version of {@code subject} holding exactly this schema ({@code POST /subjects/{s}}). */
    synchronized VersionView lookup(String subject, String schemaText) {
        Subject found = requireSubject(subject);
        String text = parse(schemaText).toString();
        for (Map.Entry<Integer, Integer> entry : found.versions.entrySet()) {
            StoredSchema stored = schemasById.get(entry.getValue());
            if (stored.text().equals(text)) {
                return new VersionView(subject, entry.getKey(), stored.id(), stored.text());
            }
        }
        throw RegistryError.schemaNotFound();
    }

    synchronized List<String> subjects() {
        List<String> names = new ArrayList<>();
        subjects.forEach((name, subject) -> {
            if (!subject.versions.isEmpty()) {
                names.add(name);
            }
        });
        return names;
    }

    synchronized List<Integer> versions(String subject) {
        return List.copyOf(requireSubject(subject).versions.keySet());
    }

    /** @param version a version number, {@code latest} or {@code -1} */
    synchronized VersionView version(String subject, String version) {
        Subject found = requireSubject(subject);
        int number = resolveVersion(found, subject, version);
        int id = found.versions.get(number);
        return new VersionView(subject, number, id, schemasById.get(id).text());
    }

    /** Soft-deleted schemas stay resolvable by id, as in Confluent: old records still need them. */
    synchronized Optional<StoredSchema> schema(int id) {
        return Optional.ofNullable(schemasById.get(id));
    }

    /** Subjects and versions that use schema {@code id}. */
    synchronized List<VersionView> usages(int id) {
        List<VersionView> usages = new ArrayList<>();
        subjects.forEach((name, subject) -> subject.versions.forEach((version, schemaId) -> {
            if (schemaId == id) {
                usages.add(new VersionView(name, version, id, schemasById.get(id).text()));
            }
        }));
        return usages;
    }

    /** Removes all live versions, returning their numbers. */
    synchronized List<Integer> deleteSubject(String subject) {
        List<Integer> versions = List.copyOf(requireSubject(subject).versions.keySet());
        persist(new SchemaEvent.SubjectDeleted(subject));
        return versions;
    }

    synchronized CompatibilityLevel globalLevel() {
        return globalLevel;
    }

    synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    /** @param subject null for the global level */
    synchronized void setLevel(String subject, CompatibilityLevel level) {
        persist(new SchemaEvent.ConfigSet(subject, level.name()));
    }

    /** Removes a subject's own level; returns it. */
    synchronized CompatibilityLevel deleteSubjectLevel(String subject) {
        CompatibilityLevel previous = subjectLevels.get(subject);
        if (previous == null) {
            throw RegistryError.subjectLevelCompatibilityNotConfigured(subject);
        }
        persist(new SchemaEvent.ConfigSet(subject, null));
        return previous;
    }

    /**
     * Incompatibilities of {@code schemaText} with one version of {@code subject}, or with what
     * registration would check when {@code version} is null. No versions means compatible.
     */
    synchronized List<String> testCompatibility(String subject, String version, String schemaText) {
        Schema schema = parse(schemaText);
        CompatibilityLevel level = effectiveLevel(subject);
        Subject found = subjects.get(subject);
        if (found == null || found.versions.isEmpty()) {
            if (version == null || isLatest(version)) {
                return List.of();
            }
            throw RegistryError.subjectNotFound(subject);
        }
        if (version == null) {
            return level.check(schema, liveVersions(subject));
        }
        int number = resolveVersion(found, subject, version);
        Schema other = schemasById.get(found.versions.get(number)).schema();
        return level.checkEach(schema, List.of(new CompatibilityLevel.Version(number, other)));
    }

    private CompatibilityLevel effectiveLevel(String subject) {
        return subjectLevels.getOrDefault(subject, globalLevel);
    }

    private List<CompatibilityLevel.Version> liveVersions(String subject) {
        Subject found = subjects.get(subject);
        List<CompatibilityLevel.Version> versions = new ArrayList<>();
        if (found != null) {
            found.versions.forEach((version, id) -> versions.add(new CompatibilityLevel.Version(version, schemasById.get(id).schema())));
        }
        return versions;
    }

    private Subject requireSubject(String subject) {
        Subject found = subjects.get(subject);
        if (found == null || found.versions.isEmpty()) {
            throw RegistryError.subjectNotFound(subject);
        }
        return found;
    }

    private static boolean isLatest(String version) {
        return "latest".equalsIgnoreCase(version) || "-1".equals(version);
    }

    private static int resolveVersion(Subject subject, String name, String version) {
        if (isLatest(version)) {
            return subject.versions.lastKey();
        }
        int number;
        try {
            number = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw RegistryError.invalidVersion(version);
        }
        if (number < 1) {
            throw RegistryError.invalidVersion(version);
        }
        if (!subject.versions.containsKey(number)) {
            throw RegistryError.versionNotFound(name, version);
        }
        return number;
    }

    private static Schema parse(String schemaText) {
        if (schemaText == null || schemaText.isBlank()) {
            throw RegistryError.invalidSchema("Invalid schema: empty");
        }
        try {
            // One parser per schema: a Parser remembers named types and would reject a redefinition.
            return new Schema.Parser().parse(schemaText);
        } catch (SchemaParseException e) {
            throw RegistryError.invalidSchema("Invalid schema: " + e.getMessage());
        } catch (NullPointerException e) {
            // Avro 1.12 fails this way when the top-level type is an undefined name, e.g. {"type":"Foo"}.
            throw RegistryError.invalidSchema("Invalid schema: it uses a type name it does not define"
                    + " (schema references are not supported)");
        } catch (RuntimeException e) {
            // Avro also reports invalid input with AvroTypeException and other unchecked exceptions.
            throw RegistryError.invalidSchema("Invalid schema: " + e.getMessage());
        }
    }

    private void persist(SchemaEvent event) {
        try {
            store.append(event);
        } catch (UncheckedIOException | IllegalStateException e) {
            throw RegistryError.storeFailure(e.getMessage());
        }
        apply(event);
    }

    private void apply(SchemaEvent event) {
        if (event instanceof SchemaEvent.SchemaRegistered e) {
            StoredSchema stored = schemasById.computeIfAbsent(e.id(), id -> new StoredSchema(id, parse(e.schema()), e.schema()));
            idsByText.putIfAbsent(stored.text(), stored.id());
            nextId = Math.max(nextId, e.id() + 1);
            Subject subject = subjects.computeIfAbsent(e.subject(), name -> new Subject());
            subject.versions.put(e.version(), e.id());
            subject.lastVersion = Math.max(subject.lastVersion, e.version());
        } else if (event instanceof SchemaEvent.ConfigSet e) {
            CompatibilityLevel level = e.compatibility() == null ? null : CompatibilityLevel.parse(e.compatibility())
                    .orElseThrow(() -> new IllegalStateException("Unknown compatibility level in store: " + e.compatibility()));
            if (e.subject() == null) {
                globalLevel = level;
            } else if (level == null) {
                subjectLevels.remove(e.subject());
            } else {
                subjectLevels.put(e.subject(), level);
            }
        } else if (event instanceof SchemaEvent.SubjectDeleted e) {
            Subject subject = subjects.get(e.subject());
            if (subject != null) {
                subject.versions.clear();
            }
        }
    }
}
