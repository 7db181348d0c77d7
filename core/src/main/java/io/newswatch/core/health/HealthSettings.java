package io.newswatch.core.health;

import java.util.Map;

/**
 * Where the health and metrics endpoints listen. Read from the environment
 * ({@code NEWSWATCH_HEALTH_PORT}, {@code NEWSWATCH_HEALTH_ADDRESS}) or system properties
 * ({@code newswatch.health.port}, {@code newswatch.health.address}) so that every service gets them
 * without options of its own. Port 0 takes any free port; -1 turns the endpoints off.
 */
public record HealthSettings(String address, int port, boolean explicit) {

    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_ADDRESS = "0.0.0.0";
    public static final String PORT_ENV = "NEWSWATCH_HEALTH_PORT";
    public static final String ADDRESS_ENV = "NEWSWATCH_HEALTH_ADDRESS";
    public static final String PORT_PROPERTY = "newswatch.health.port";
    public static final String ADDRESS_PROPERTY = "newswatch.health.address";

    public boolean enabled() {
        return port >= 0;
    }

    public static HealthSettings fromEnvironment() {
        return from(System.getenv(), System.getProperties().entrySet().stream().collect(
                java.util.stream.Collectors.toMap(e -> e.getKey().toString(), e -> e.getValue().toString())));
    }

    /** System properties win over the environment, so that a test or an embedding program can override it. */
    static HealthSettings from(Map<String, String> environment, Map<String, String> systemProperties) {
        String port = systemProperties.getOrDefault(PORT_PROPERTY, environment.get(PORT_ENV));
        String address = systemProperties.getOrDefault(ADDRESS_PROPERTY,
                environment.getOrDefault(ADDRESS_ENV, DEFAULT_ADDRESS));
        if (port == null || port.isBlank()) {
            return new HealthSettings(address, DEFAULT_PORT, false);
        }
        try {
            int value = Integer.parseInt(port.trim());
            if (value < -1 || value > 65535) {
                throw new NumberFormatException();
            }
            return new HealthSettings(address, value, true);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PORT_ENV + " must be a port number, 0 (any free port) or -1 (off), was '"
                    + port + "'");
        }
    }
}
