package io.newswatch.serde;

import io.newswatch.registry.RegisteredSchema;
import io.newswatch.registry.SchemaRegistryClient;
import io.newswatch.registry.SchemaRegistryException;
import io.newswatch.registry.SerdeConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro specific records in the Confluent wire format under the subject {@code <topic>-value}
 * (or {@code <topic>-key}), Confluent's default TopicNameStrategy.
 *
 * <p>Schema resolution per subject and record schema, done once and cached:
 * {@code auto.register.schemas=true} (default) registers the record's schema; otherwise
 * {@code use.latest.version=true} writes with the subject's latest schema (converting the record
 * when its own schema is older but compatible), and without it the record's schema must already be
 * registered under the subject.
 *
 * <p>Thread-safe once configured; Kafka Streams shares one instance across stream threads.
 */
public class SpecificAvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    private final ClientHolder client;
    private final ConcurrentMap<PlanKey, WritePlan> plans = new ConcurrentHashMap<>();
    private volatile boolean isKey;
    private volatile boolean autoRegister = SerdeConfig.AUTO_REGISTER_SCHEMAS_DEFAULT;
    private volatile boolean useLatestVersion = SerdeConfig.USE_LATEST_VERSION_DEFAULT;

    /** Creates its own registry client from the configuration passed to {@link #configure}. */
    public SpecificAvroSerializer() {
        this.client = new ClientHolder(null);
    }

    /** Uses a shared client, which the caller closes; {@code schema.registry.url} is then not needed. */
    public SpecificAvroSerializer(SchemaRegistryClient client) {
        this.client = new ClientHolder(Objects.requireNonNull(client, "client"));
    }

    void share(SchemaRegistryClient shared) {
        client.share(shared);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.isKey = isKey;
        this.autoRegister = SerdeConfig.booleanValue(
                configs, SerdeConfig.AUTO_REGISTER_SCHEMAS, SerdeConfig.AUTO_REGISTER_SCHEMAS_DEFAULT);
        this.useLatestVersion = SerdeConfig.booleanValue(
                configs, SerdeConfig.USE_LATEST_VERSION, SerdeConfig.USE_LATEST_VERSION_DEFAULT);
        plans.clear();
        client.configure(configs);
    }

    @Override
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null; // tombstone
        }
        String subject = subject(topic, isKey);
        Schema schema = record.getSchema();
        WritePlan plan = plan(subject, schema);
        // Direct encoder: the output is a fresh in-memory stream anyway, so an extra buffer would only copy.
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        WireFormat.writeHeader(out, plan.schemaId());
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            plan.write(record, encoder);
            encoder.flush();
        } catch (IOException | AvroRuntimeException | ClassCastException | NullPointerException e) {
            throw new SerializationException("Could not serialize " + schema.getFullName() + " for topic '" + topic
                    + "' with schema id " + plan.schemaId() + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        client.close();
    }

    /** Confluent's TopicNameStrategy. */
    static String subject(String topic, boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
    }

    private WritePlan plan(String subject, Schema schema) {
        PlanKey key = new PlanKey(subject, schema);
        WritePlan plan = plans.get(key);
        if (plan == null) {
            // Not computeIfAbsent: this calls the registry, and must not block other keys' map bins meanwhile.
            plan = newPlan(subject, schema);
            WritePlan raced = plans.putIfAbsent(key, plan);
            plan = raced != null ? raced : plan;
        }
        return plan;
    }

    private WritePlan newPlan(String subject, Schema schema) {
        SchemaRegistryClient registry = client.get();
        // Same precedence as Confluent's serializer: use.latest.version only matters without auto-registration.
        Mode mode = autoRegister ? Mode.REGISTER : useLatestVersion ? Mode.LATEST : Mode.LOOKUP;
        try {
            switch (mode) {
                case REGISTER:
                    return WritePlan.direct(registry.register(subject, schema), schema);
                case LATEST:
                    return latestVersionPlan(registry, subject, schema);
                default:
                    return WritePlan.direct(registry.getId(subject, schema), schema);
            }
        } catch (SchemaRegistryException e) {
            if (mode == Mode.LOOKUP && e.isNotFound()) {
                throw new SerializationException("Schema of " + schema.getFullName() + " is not registered under subject '"
                        + subject + "' and " + SerdeConfig.AUTO_REGISTER_SCHEMAS + " is false: " + e.getMessage(), e);
            }
            throw new SerializationException("Could not " + mode.action + " subject '" + subject + "' for "
                    + schema.getFullName() + ": " + e.getMessage(), e);
        }
    }

    private enum Mode {
        REGISTER("register the schema under"),
        LATEST("fetch the latest schema of"),
        LOOKUP("look up the schema under");

        final String action;

        Mode(String action) {
            this.action = action;
        }
    }

    private static WritePlan latestVersionPlan(SchemaRegistryClient registry, String subject, Schema schema) {
        RegisteredSchema latest = registry.getLatest(subject);
        if (SchemaNormalization.toParsingForm(latest.schema()).equals(SchemaNormalization.toParsingForm(schema))) {
            return WritePlan.direct(latest.id(), schema);
        }
        SchemaCompatibility.SchemaPairCompatibility compatibility =
                SchemaCompatibility.checkReaderWriterCompatibility(latest.schema(), schema);
        if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            String problems = compatibility.getResult().getIncompatibilities().stream()
                    .map(i -> i.getType() + " at " + i.getLocation() + ": " + i.getMessage())
                    .collect(Collectors.joining("; "));
            throw new SerializationException("use.latest.version: the latest schema of subject '" + subject + "' (version "
                    + latest.version() + ", id " + latest.id() + ") cannot represent records of " + schema.getFullName()
                    + ": " + problems);
        }
        return WritePlan.projected(latest.id(), schema, latest.schema());
    }

    private record PlanKey(String subject, Schema schema) {}

    /** The schema id to put in the header and how to encode a record for it. */
    private record WritePlan(int schemaId, SpecificDatumWriter<Object> writer, SchemaProjection projection) {

        static WritePlan direct(int id, Schema schema) {
            // The class's own model carries its logical-type conversions (e.g. Instant for timestamp-millis).
            return new WritePlan(id, new SpecificDatumWriter<>(schema, SpecificData.getForSchema(schema)), null);
        }

        static WritePlan projected(int id, Schema recordSchema, Schema target) {
            return new WritePlan(id, null, new SchemaProjection(recordSchema, target));
        }

        void write(Object record, BinaryEncoder encoder) throws IOException {
            if (projection != null) {
                projection.write(record, encoder);
            } else {
                writer.write(record, encoder);
            }
        }
    }
}
