package io.newswatch.dashboard.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import com.sun.net.httpserver.HttpExchange;

/** Who may read the dashboard. */
public interface Access {

    boolean permits(HttpExchange exchange);

    /** Anyone who can reach the port (the default: the dashboard only reads). */
    static Access open() {
        return exchange -> true;
    }

    /**
     * Holders of {@code token}: as a bearer token ({@code Authorization: Bearer TOKEN}, for scripts) or
     * as the password of HTTP basic authentication with any user name (what a browser asks for).
     */
    static Access token(String token) {
        byte[] expected = token.getBytes(StandardCharsets.UTF_8);
        return exchange -> {
            String header = exchange.getRequestHeaders().getFirst("Authorization");
            if (header == null) {
                return false;
            }
            String given = null;
            if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                given = header.substring(7).strip();
            } else if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
                try {
                    String pair = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
                    int colon = pair.indexOf(':');
                    given = colon < 0 ? null : pair.substring(colon + 1);
                } catch (IllegalArgumentException e) {
                    return false;
                }
            }
            return given != null && MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8));
        };
    }
}
