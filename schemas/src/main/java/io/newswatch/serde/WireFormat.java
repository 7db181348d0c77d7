package io.newswatch.serde;

import java.io.ByteArrayOutputStream;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent's wire format: magic byte {@code 0}, the 4-byte big-endian schema id, then the Avro
 * binary body. Every Confluent-compatible serde in any language reads and writes exactly this.
 */
public final class WireFormat {

    public static final byte MAGIC_BYTE = 0;
    /** Magic byte plus schema id: where the Avro body starts. */
    public static final int HEADER_SIZE = 5;

    private WireFormat() {}

    /** Writes the 5-byte header for {@code schemaId}. */
    public static void writeHeader(ByteArrayOutputStream out, int schemaId) {
        out.write(MAGIC_BYTE);
        out.write(schemaId >>> 24);
        out.write(schemaId >>> 16);
        out.write(schemaId >>> 8);
        out.write(schemaId);
    }

    /** Header followed by an already encoded Avro body. */
    public static byte[] frame(int schemaId, byte[] avroBody) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(HEADER_SIZE + avroBody.length);
        writeHeader(out, schemaId);
        out.writeBytes(avroBody);
        return out.toByteArray();
    }

    /**
     * The schema id of a framed message.
     *
     * @throws SerializationException when the bytes are too short or do not start with magic byte 0,
     *     i.e. they were not produced by a Confluent-compatible serializer
     */
    public static int schemaId(byte[] data) {
        if (data.length < HEADER_SIZE) {
            throw new SerializationException("Not in Confluent wire format: " + data.length
                    + " byte(s), but a message needs at least " + HEADER_SIZE + " (magic byte 0 and a 4-byte schema id)");
        }
        if (data[0] != MAGIC_BYTE) {
            throw new SerializationException(String.format(
                    "Not in Confluent wire format: unknown magic byte 0x%02x (expected 0x00); was this written by another serializer?",
                    data[0] & 0xFF));
        }
        return ((data[1] & 0xFF) << 24) | ((data[2] & 0xFF) << 16) | ((data[3] & 0xFF) << 8) | (data[4] & 0xFF);
    }
}
