package io.newswatch.core.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Extra Kafka client properties from a properties file and from environment variables.
 *
 * <p>Environment variables follow the convention of the Kafka container images, under our own
 * prefix: {@code NEWSWATCH_KAFKA_SASL_JAAS_CONFIG} becomes {@code sasl.jaas.config}; a double
 * underscore stands for an underscore and a triple one for a dash. Environment wins over the file,
 * so a secret can be injected into a container without rewriting its config file.
 */
public final class ClientProperties {

    public static final String ENV_PREFIX = "NEWSWATCH_KAFKA_";

    private ClientProperties() {
    }

    public static Map<String, String> load(Path file, Map<String, String> environment) {
        Map<String, String> result = new TreeMap<>();
        if (file != null) {
            result.putAll(fromFile(file));
        }
        result.putAll(fromEnvironment(environment));
        return result;
    }

    public static Map<String, String> fromFile(Path file) {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read Kafka client properties from " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> result = new TreeMap<>();
        props.stringPropertyNames().forEach(name -> result.put(name, props.getProperty(name).trim()));
        return result;
    }

    public static Map<String, String> fromEnvironment(Map<String, String> environment) {
        Map<String, String> result = new TreeMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length()) {
                result.put(propertyName(name.substring(ENV_PREFIX.length())), value);
            }
        });
        return result;
    }

    static String propertyName(String envSuffix) {
        return envSuffix.toLowerCase(Locale.ROOT)
                .replace("___", "\u0001")
                .replace("__", "\u0002")
                .replace('_', '.')
                .replace('\u0001', '-')
                .replace('\u0002', '_');
    }
}
