package io.newswatch.registry;

import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/** Creates registry clients from Kafka-style configuration maps. */
public final class SchemaRegistryClients {

    private SchemaRegistryClients() {}

    /**
     * A cached REST client configured with Confluent's property names: {@value SerdeConfig#SCHEMA_REGISTRY_URL}
     * (required), {@value SerdeConfig#BASIC_AUTH_CREDENTIALS_SOURCE} and {@value SerdeConfig#BASIC_AUTH_USER_INFO}.
     *
     * @throws ConfigException when the URL is missing or invalid, or the credentials setting is unusable
     */
    public static SchemaRegistryClient fromConfig(Map<String, ?> configs) {
        String urls = SerdeConfig.stringValue(configs, SerdeConfig.SCHEMA_REGISTRY_URL);
        if (urls == null) {
            throw new ConfigException("Missing required configuration \"" + SerdeConfig.SCHEMA_REGISTRY_URL
                    + "\": set it to the schema registry base URL(s), e.g. http://localhost:8081");
        }
        try {
            RestSchemaRegistryClient.Builder builder = RestSchemaRegistryClient.builder(urls);
            builder.userInfo(userInfo(configs, urls));
            return new CachedSchemaRegistryClient(builder.build());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    private static String userInfo(Map<String, ?> configs, String urls) {
        String source = SerdeConfig.stringValue(configs, SerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE);
        source = source == null ? SerdeConfig.CREDENTIALS_SOURCE_USER_INFO : source.toUpperCase(Locale.ROOT);
        switch (source) {
            case SerdeConfig.CREDENTIALS_SOURCE_USER_INFO:
                return SerdeConfig.stringValue(configs, SerdeConfig.BASIC_AUTH_USER_INFO);
            case SerdeConfig.CREDENTIALS_SOURCE_URL:
                return RegistryUrls.userInfo(urls).orElseThrow(() -> new ConfigException(
                        SerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE + "=URL but " + SerdeConfig.SCHEMA_REGISTRY_URL
                                + " contains no user:password@"));
            default:
                throw new ConfigException(SerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, source,
                        "Supported: " + SerdeConfig.CREDENTIALS_SOURCE_USER_INFO + ", " + SerdeConfig.CREDENTIALS_SOURCE_URL);
        }
    }
}
