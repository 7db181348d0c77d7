package io.newswatch.serde;

import io.newswatch.registry.SchemaRegistryClient;
import io.newswatch.registry.SchemaRegistryException;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent-wire-format messages into instances of one generated Avro class.
 *
 * <p>The writer schema comes from the registry by the id in the message; the class's schema is the
 * reader schema, so records written with older or newer compatible schemas resolve into the current
 * class (new fields get defaults, removed ones are skipped). Thread-safe once configured.
 */
public class SpecificAvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    private final Class<T> type;
    private final Schema readerSchema;
    private final SpecificData model;
    private final ClientHolder client;
    /** One reader per writer schema id; SpecificDatumReader keeps per-thread resolver state, so sharing is safe. */
    private final ConcurrentMap<Integer, SpecificDatumReader<T>> readers = new ConcurrentHashMap<>();

    /** Creates its own registry client from the configuration passed to {@link #configure}. */
    public SpecificAvroDeserializer(Class<T> type) {
        this(type, new ClientHolder(null));
    }

    /** Uses a shared client, which the caller closes; {@code schema.registry.url} is then not needed. */
    public SpecificAvroDeserializer(Class<T> type, SchemaRegistryClient client) {
        this(type, new ClientHolder(Objects.requireNonNull(client, "client")));
    }

    private SpecificAvroDeserializer(Class<T> type, ClientHolder client) {
        this.type = Objects.requireNonNull(type, "type");
        // The class's own model carries its logical-type conversions (e.g. Instant for timestamp-millis).
        this.model = SpecificData.getForClass(type);
        this.readerSchema = model.getSchema(type);
        this.client = client;
    }

    void share(SchemaRegistryClient shared) {
        client.share(shared);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        client.configure(configs);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null; // tombstone
        }
        int schemaId = WireFormat.schemaId(data);
        SpecificDatumReader<T> reader = reader(schemaId, topic);
        // A decoder over a byte array is a thin wrapper without its own buffer: cheaper to create than to pool.
        BinaryDecoder decoder = DecoderFactory.get()
                .binaryDecoder(data, WireFormat.HEADER_SIZE, data.length - WireFormat.HEADER_SIZE, null);
        try {
            return reader.read(null, decoder);
        } catch (IOException | AvroRuntimeException | ArrayIndexOutOfBoundsException | ClassCastException
                | NegativeArraySizeException | IllegalArgumentException e) {
            throw new SerializationException("Could not decode a message of topic '" + topic + "' (schema id " + schemaId
                    + ") into " + type.getName() + ": " + e + explainIncompatibility(reader.getSchema()), e);
        }
    }

    @Override
    public void close() {
        client.close();
    }

    private SpecificDatumReader<T> reader(int schemaId, String topic) {
        SpecificDatumReader<T> reader = readers.get(schemaId);
        if (reader != null) {
            return reader;
        }
        Schema writer;
        try {
            writer = client.get().getById(schemaId);
        } catch (SchemaRegistryException e) {
            if (e.isNotFound()) {
                throw new SerializationException("Unknown schema id " + schemaId + " in a message of topic '" + topic
                        + "': the schema registry does not know it (" + e.getMessage() + ")", e);
            }
            throw new SerializationException("Could not fetch schema id " + schemaId + " for a message of topic '" + topic
                    + "': " + e.getMessage(), e);
        }
        reader = new SpecificDatumReader<>(writer, readerSchema, model);
        SpecificDatumReader<T> raced = readers.putIfAbsent(schemaId, reader);
        return raced != null ? raced : reader;
    }

    /** Only computed on failure: says why the writer schema may not resolve into the class. */
    private String explainIncompatibility(Schema writer) {
        SchemaCompatibility.SchemaPairCompatibility result =
                SchemaCompatibility.checkReaderWriterCompatibility(readerSchema, writer);
        if (result.getType() == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            return "";
        }
        return "; the writer schema is not compatible with " + type.getSimpleName() + ": "
                + result.getResult().getIncompatibilities().stream()
                        .map(i -> i.getType() + " at " + i.getLocation() + ": " + i.getMessage())
                        .collect(Collectors.joining("; "));
    }
}
