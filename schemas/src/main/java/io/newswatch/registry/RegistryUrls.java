package io.newswatch.registry;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Parsing of registry base URLs and encoding of path segments. */
final class RegistryUrls {

    private static final String UNRESERVED =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private RegistryUrls() {}

    /**
     * Splits a comma-separated URL list into base URLs without user info or trailing slash, so paths
     * can be appended and credentials never end up in logs or request lines.
     */
    static List<String> parse(String commaSeparated) {
        List<String> bases = new ArrayList<>();
        for (String part : commaSeparated.split(",")) {
            String trimmed = part.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            URI uri = toUri(trimmed);
            try {
                URI stripped = new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null);
                String base = stripped.toString();
                while (base.endsWith("/")) {
                    base = base.substring(0, base.length() - 1);
                }
                bases.add(base);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("Invalid schema registry URL '" + redact(trimmed) + "': " + e.getMessage(), e);
            }
        }
        if (bases.isEmpty()) {
            throw new IllegalArgumentException("No schema registry URL in '" + commaSeparated + "'");
        }
        return List.copyOf(bases);
    }

    /** The decoded {@code user:password} of the first URL that has one (basic.auth.credentials.source=URL). */
    static Optional<String> userInfo(String commaSeparated) {
        for (String part : commaSeparated.split(",")) {
            String trimmed = part.trim();
            if (!trimmed.isEmpty()) {
                String userInfo = toUri(trimmed).getUserInfo();
                if (userInfo != null && !userInfo.isEmpty()) {
                    return Optional.of(userInfo);
                }
            }
        }
        return Optional.empty();
    }

    /** Percent-encodes one path segment: subject names may contain '/', '?', spaces and the like. */
    static String pathSegment(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c < 0x80 && UNRESERVED.indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return out.toString();
    }

    private static URI toUri(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Invalid schema registry URL '" + redact(url) + "': " + e.getReason(), e);
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "Invalid schema registry URL '" + redact(url) + "': expected http(s)://host[:port][/path]");
        }
        return uri;
    }

    /** Hides credentials embedded in a URL before it goes into an exception message. */
    private static String redact(String url) {
        return url.replaceAll("//[^/@]*@", "//***@");
    }
}
