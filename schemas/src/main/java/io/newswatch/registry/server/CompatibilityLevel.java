package io.newswatch.registry.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * Confluent's compatibility levels, checked with Avro's own {@link SchemaCompatibility}.
 *
 * <p>BACKWARD: consumers on the new schema can read data written with the previous one. FORWARD:
 * consumers on the previous schema can read data written with the new one. FULL: both. The
 * {@code _TRANSITIVE} variants check against every live version instead of only the latest.
 */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    /** Confluent's default. */
    public static final CompatibilityLevel DEFAULT = BACKWARD;

    private final boolean backward;
    private final boolean forward;
    private final boolean transitive;

    CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
        this.backward = backward;
        this.forward = forward;
        this.transitive = transitive;
    }

    /** A schema version of a subject, for naming it in messages. */
    public record Version(int version, Schema schema) {}

    /** Case-insensitive, as Confluent accepts {@code backward} and {@code BACKWARD}. */
    public static Optional<CompatibilityLevel> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Checks {@code candidate} against the existing versions (oldest first) under this level.
     *
     * @return human-readable incompatibilities; empty when compatible
     */
    public List<String> check(Schema candidate, List<Version> existing) {
        if (existing.isEmpty() || this == NONE) {
            return List.of();
        }
        List<Version> against = transitive ? existing : List.of(existing.get(existing.size() - 1));
        return checkEach(candidate, against);
    }

    /** Checks {@code candidate} against each given version in the directions of this level, ignoring transitivity. */
    public List<String> checkEach(Schema candidate, List<Version> against) {
        List<String> problems = new ArrayList<>();
        for (Version version : against) {
            if (backward) {
                describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, version.schema()),
                        "the new schema cannot read data written with version " + version.version(), problems);
            }
            if (forward) {
                describe(SchemaCompatibility.checkReaderWriterCompatibility(version.schema(), candidate),
                        "version " + version.version() + " cannot read data written with the new schema", problems);
            }
        }
        return problems;
    }

    private static void describe(SchemaCompatibility.SchemaPairCompatibility result, String direction, List<String> out) {
        if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
            return;
        }
        for (Incompatibility incompatibility : result.getResult().getIncompatibilities()) {
            out.add(direction + ": " + incompatibility.getType() + " at '" + incompatibility.getLocation() + "': "
                    + incompatibility.getMessage());
        }
    }
}
