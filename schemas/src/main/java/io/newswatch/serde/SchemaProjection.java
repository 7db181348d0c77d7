package io.newswatch.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * Rewrites a record into another (compatible) schema, for {@code use.latest.version}: the bytes must
 * match the schema whose id they carry, so a record of an older class is resolved into the latest
 * schema (new fields get their defaults) before it is written. Costs an extra encode and decode per
 * record, which is only paid when the record's schema differs from the latest one.
 */
final class SchemaProjection {

    private final SpecificDatumWriter<Object> source;
    private final GenericDatumReader<Object> resolver;
    private final GenericDatumWriter<Object> target;

    SchemaProjection(Schema recordSchema, Schema targetSchema) {
        this.source = new SpecificDatumWriter<>(recordSchema, SpecificData.getForSchema(recordSchema));
        // GenericData without conversions: logical values stay in their underlying form and are written back unchanged.
        this.resolver = new GenericDatumReader<>(recordSchema, targetSchema, GenericData.get());
        this.target = new GenericDatumWriter<>(targetSchema, GenericData.get());
    }

    void write(Object record, Encoder out) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(buffer, null);
        source.write(record, encoder);
        encoder.flush();
        Object resolved = resolver.read(null, DecoderFactory.get().binaryDecoder(buffer.toByteArray(), null));
        target.write(resolved, out);
    }
}
