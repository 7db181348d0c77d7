package io.newswatch.registry;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Configuration names, deliberately identical to Confluent's, so the same properties work whether
 * an application runs our serdes or Confluent's.
 */
public final class SerdeConfig {

    /** Comma-separated registry base URLs; tried in order, failing over on connection errors. */
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

    /** {@code USER_INFO} (default): take credentials from {@link #BASIC_AUTH_USER_INFO}; {@code URL}: from the URL. */
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";

    /** {@code user:password} for HTTP basic auth. */
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";

    /** Register the record's schema when serializing (default true). */
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";

    /** Serialize with the subject's latest schema instead of the record's own (default false). */
    public static final String USE_LATEST_VERSION = "use.latest.version";

    public static final String CREDENTIALS_SOURCE_USER_INFO = "USER_INFO";
    public static final String CREDENTIALS_SOURCE_URL = "URL";

    public static final boolean AUTO_REGISTER_SCHEMAS_DEFAULT = true;
    public static final boolean USE_LATEST_VERSION_DEFAULT = false;

    private SerdeConfig() {}

    /**
     * Reads a boolean that may arrive as a {@link Boolean} (code) or a {@link String} (properties
     * files); anything else is a configuration error rather than a silent default.
     */
    public static boolean booleanValue(Map<String, ?> configs, String name, boolean defaultValue) {
        Object value = configs.get(name);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().trim();
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        throw new ConfigException(name, value, "Expected true or false");
    }

    /**
     * A trimmed string value, or null when absent or blank. Accepts Kafka's {@link Password} (whose
     * {@code toString()} hides the value) and lists (Confluent declares the URL setting as a list).
     */
    public static String stringValue(Map<String, ?> configs, String name) {
        Object value = configs.get(name);
        if (value == null) {
            return null;
        }
        String text;
        if (value instanceof Password password) {
            text = password.value();
        } else if (value instanceof Collection<?> items) {
            text = items.stream().map(String::valueOf).collect(Collectors.joining(","));
        } else {
            text = value.toString();
        }
        text = text.trim();
        return text.isEmpty() ? null : text;
    }
}
