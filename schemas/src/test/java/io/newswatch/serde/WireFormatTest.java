package io.newswatch.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class WireFormatTest {

    @Test
    void headerIsMagicByteThenBigEndianId() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WireFormat.writeHeader(out, 0x01020304);
        assertThat(out.toByteArray()).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void frameAppendsTheBody() {
        assertThat(WireFormat.frame(1, new byte[] {9, 8})).containsExactly(0, 0, 0, 0, 1, 9, 8);
    }

    @Test
    void schemaIdRoundTripsIncludingHighBitIds() {
        for (int id : new int[] {0, 1, 255, 256, 65_536, Integer.MAX_VALUE, -1, Integer.MIN_VALUE}) {
            assertThat(WireFormat.schemaId(WireFormat.frame(id, new byte[0]))).as("id %d", id).isEqualTo(id);
        }
    }

    @Test
    void headerOnlyIsAValidEmptyBody() {
        assertThat(WireFormat.schemaId(new byte[] {0, 0, 0, 0, 7})).isEqualTo(7);
    }

    @Test
    void rejectsTooShortInput() {
        assertThatThrownBy(() -> WireFormat.schemaId(new byte[] {0, 0, 0, 1}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("4 byte(s)")
                .hasMessageContaining("at least 5");
        assertThatThrownBy(() -> WireFormat.schemaId(new byte[0]))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("0 byte(s)");
    }

    @Test
    void rejectsUnknownMagicByte() {
        assertThatThrownBy(() -> WireFormat.schemaId(new byte[] {1, 0, 0, 0, 1, 2}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown magic byte 0x01");
        assertThatThrownBy(() -> WireFormat.schemaId("{\"json\":1}".getBytes()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("0x7b");
    }
}
