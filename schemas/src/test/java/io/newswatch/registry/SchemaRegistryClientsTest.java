package io.newswatch.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.registry.server.InMemorySchemaStore;
import io.newswatch.registry.server.SchemaRegistryServer;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SchemaRegistryClientsTest {

    private SchemaRegistryServer secured;

    @BeforeEach
    void start() {
        secured = SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore(), "svc:pw");
    }

    @AfterEach
    void stop() {
        secured.close();
    }

    @Test
    void missingUrlIsAClearConfigError() {
        assertThatThrownBy(() -> SchemaRegistryClients.fromConfig(Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Missing required configuration \"schema.registry.url\"");
        assertThatThrownBy(() -> SchemaRegistryClients.fromConfig(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "  ")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url");
    }

    @Test
    void invalidUrlIsAConfigError() {
        assertThatThrownBy(() -> SchemaRegistryClients.fromConfig(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "localhost:8081")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("localhost:8081");
    }

    @Test
    void createsACachedClientUsingUserInfoCredentialsByDefault() {
        try (SchemaRegistryClient client = SchemaRegistryClients.fromConfig(Map.of(
                SerdeConfig.SCHEMA_REGISTRY_URL, secured.url(),
                SerdeConfig.BASIC_AUTH_USER_INFO, new Password("svc:pw")))) {
            assertThat(client).isInstanceOf(CachedSchemaRegistryClient.class);
            assertThat(client.subjects()).isEmpty();
        }
    }

    @Test
    void withoutCredentialsASecuredRegistryAnswers401() {
        try (SchemaRegistryClient client = SchemaRegistryClients.fromConfig(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, secured.url()))) {
            assertThatThrownBy(client::subjects)
                    .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(401));
        }
    }

    @Test
    void urlCredentialsSource() {
        String url = "http://svc:pw@127.0.0.1:" + secured.port();
        try (SchemaRegistryClient client = SchemaRegistryClients.fromConfig(Map.of(
                SerdeConfig.SCHEMA_REGISTRY_URL, url,
                SerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "url"))) {
            assertThat(client.subjects()).isEmpty();
        }
        assertThatThrownBy(() -> SchemaRegistryClients.fromConfig(Map.of(
                SerdeConfig.SCHEMA_REGISTRY_URL, secured.url(),
                SerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "URL")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("contains no user:password@");
    }

    @Test
    void unsupportedCredentialsSourceIsAConfigError() {
        assertThatThrownBy(() -> SchemaRegistryClients.fromConfig(Map.of(
                SerdeConfig.SCHEMA_REGISTRY_URL, secured.url(),
                SerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "SASL_INHERIT")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("SASL_INHERIT")
                .hasMessageContaining("USER_INFO, URL");
    }

    @Test
    void urlMayBeAList() {
        try (SchemaRegistryClient client = SchemaRegistryClients.fromConfig(Map.of(
                SerdeConfig.SCHEMA_REGISTRY_URL, List.of("http://127.0.0.1:1", secured.url()),
                SerdeConfig.BASIC_AUTH_USER_INFO, "svc:pw"))) {
            assertThat(client.subjects()).isEmpty();
        }
    }

    @Test
    void booleanSettingsAcceptBooleansAndStrings() {
        assertThat(SerdeConfig.booleanValue(Map.of(), SerdeConfig.AUTO_REGISTER_SCHEMAS, true)).isTrue();
        assertThat(SerdeConfig.booleanValue(Map.of("x", false), "x", true)).isFalse();
        assertThat(SerdeConfig.booleanValue(Map.of("x", " TRUE "), "x", false)).isTrue();
        assertThatThrownBy(() -> SerdeConfig.booleanValue(Map.of("x", "yes"), "x", false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("x");
    }
}
