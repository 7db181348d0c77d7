package io.newswatch.articles;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Turns a file's bytes into text. JSON is UTF-8 by definition, so bytes that are not are an error
 * naming where they are; a text file written by a person may well be Windows-1252 (the legacy
 * Western default), so it is read as that when it is not UTF-8. Binary files are told apart from
 * text by their NUL and control bytes.
 */
public final class FileText {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int SNIFF_BYTES = 8192;

    private FileText() {
    }

    /** Why the bytes do not look like text, or empty when they do. */
    public static Optional<String> binary(byte[] bytes) {
        int n = Math.min(bytes.length, SNIFF_BYTES);
        int start = startAfterBom(bytes);
        if (start == 2 && n >= 2) {
            return Optional.empty(); // UTF-16 with a BOM has NULs in every other byte
        }
        int nul = 0;
        int control = 0;
        for (int i = start; i < n; i++) {
            int b = bytes[i] & 0xff;
            if (b == 0) {
                nul++;
            } else if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1B) {
                control++;
            }
        }
        int sample = Math.max(1, n - start);
        // A stray NUL or two is damage to strip; many are a binary file (or UTF-16 without a BOM).
        if (nul > 8 && nul * 100 > sample || (nul + control) * 10 > sample) {
            return Optional.of("binary content (" + nul + " NUL and " + control + " control bytes in the first " + sample
                    + " bytes), not text");
        }
        return Optional.empty();
    }

    /** Strict UTF-8 (a leading byte-order mark is skipped), else an exception naming the byte offset. */
    public static String utf8(byte[] bytes) throws CharacterCodingException {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return decoder.decode(in).toString();
        } catch (CharacterCodingException e) {
            throw new NotUtf8Exception(firstInvalidOffset(bytes, start));
        }
    }

    /** UTF-8 when the bytes are UTF-8 (or UTF-16 with a BOM), else Windows-1252: never fails. */
    public static String lenient(byte[] bytes) {
        int start = startAfterBom(bytes);
        if (start == 2) {
            Charset utf16 = (bytes[0] & 0xff) == 0xFE ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE;
            return new String(bytes, 2, bytes.length - 2, utf16);
        }
        try {
            return utf8(bytes);
        } catch (CharacterCodingException e) {
            return new String(bytes, WINDOWS_1252);
        }
    }

    private static int startAfterBom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return 3;
        }
        if (b.length >= 2 && ((b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF || (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE)) {
            return 2;
        }
        return 0;
    }

    private static long firstInvalidOffset(byte[] bytes, int start) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(4096);
        while (true) {
            java.nio.charset.CoderResult r = decoder.decode(in, out, true);
            if (r.isError()) {
                return in.position();
            }
            if (r.isUnderflow()) {
                return -1;
            }
            out.clear();
        }
    }

    /** Bytes that are not UTF-8, with the offset of the first bad one. */
    public static final class NotUtf8Exception extends CharacterCodingException {
        private final long offset;

        NotUtf8Exception(long offset) {
            this.offset = offset;
        }

        public long offset() {
            return offset;
        }

        @Override
        public String getMessage() {
            return "not valid UTF-8 (first bad byte at offset " + offset + ")";
        }
    }
}
