package io.newswatch.articles.extract;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes an HTML page's bytes: charset from the HTTP header, else a byte-order mark, else a
 * {@code <meta charset>} declaration in the first bytes, else UTF-8 when the bytes are valid UTF-8,
 * else Windows-1252 (what browsers assume for undeclared Western pages).
 */
public final class PageCharset {

    private static final Pattern HEADER_CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([\\w.:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?([\\w.:-]+)", Pattern.CASE_INSENSITIVE);
    private static final int SNIFF_BYTES = 4096;

    private PageCharset() {
    }

    public static String decode(byte[] body, String contentType) {
        return new String(body, offsetAfterBom(body), body.length - offsetAfterBom(body), detect(body, contentType));
    }

    public static Charset detect(byte[] body, String contentType) {
        if (body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (body.length >= 2 && (body[0] & 0xff) == 0xFE && (body[1] & 0xff) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (body.length >= 2 && (body[0] & 0xff) == 0xFF && (body[1] & 0xff) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        Optional<Charset> declared = contentType == null ? Optional.empty() : named(HEADER_CHARSET.matcher(contentType));
        if (declared.isEmpty()) {
            String head = new String(body, 0, Math.min(body.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
            declared = named(META_CHARSET.matcher(head));
        }
        if (declared.isPresent()) {
            return declared.get();
        }
        return isUtf8(body) ? StandardCharsets.UTF_8 : Charset.forName("windows-1252");
    }

    private static int offsetAfterBom(byte[] body) {
        if (body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF) {
            return 3;
        }
        if (body.length >= 2 && ((body[0] & 0xff) == 0xFE && (body[1] & 0xff) == 0xFF
                || (body[0] & 0xff) == 0xFF && (body[1] & 0xff) == 0xFE)) {
            return 2;
        }
        return 0;
    }

    private static Optional<Charset> named(Matcher m) {
        if (!m.find()) {
            return Optional.empty();
        }
        String name = m.group(1).toLowerCase(Locale.ROOT);
        // Browsers decode pages labelled Latin-1 as Windows-1252, a superset that has curly quotes.
        if (name.equals("iso-8859-1") || name.equals("latin1") || name.equals("us-ascii")) {
            name = "windows-1252";
        }
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
