package io.newswatch.articles;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Stable identifiers: an article id from its canonical URL (or, without a URL, from its content),
 * and a content hash that is equal for exact copies whatever their whitespace or case.
 */
public final class ArticleIds {

    private ArticleIds() {
    }

    public static String fromUrl(String canonicalUrl) {
        return "u" + sha256Hex("url\u0000" + canonicalUrl, 20);
    }

    public static String fromContent(String contentHash) {
        return "c" + contentHash.substring(0, 40);
    }

    /** Hex SHA-256 of the title and text after Unicode, case and whitespace normalisation. */
    public static String contentHash(String title, String text) {
        return sha256Hex(normalise(title) + "\u0000" + normalise(text), 32);
    }

    static String normalise(String s) {
        String n = Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return n.replaceAll("\\s+", " ").strip();
    }

    private static String sha256Hex(String s, int bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
