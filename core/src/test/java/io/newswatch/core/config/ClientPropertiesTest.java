package io.newswatch.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientPropertiesTest {

    @TempDir
    Path dir;

    @Test
    void environmentNamesMapToPropertyNames() {
        assertThat(ClientProperties.propertyName("SECURITY_PROTOCOL")).isEqualTo("security.protocol");
        assertThat(ClientProperties.propertyName("SASL_JAAS_CONFIG")).isEqualTo("sasl.jaas.config");
        assertThat(ClientProperties.propertyName("SOME__ODD___NAME")).isEqualTo("some_odd-name");
    }

    @Test
    void environmentOverridesFileAndIgnoresOtherVariables() throws Exception {
        Path file = dir.resolve("client.properties");
        Files.writeString(file, "security.protocol=SSL\nssl.truststore.location=/etc/ts.jks\n");
        Map<String, String> props = ClientProperties.load(file, Map.of(
                "NEWSWATCH_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "NEWSWATCH_BOOTSTRAP_SERVERS", "ignored:9092",
                "PATH", "/usr/bin"));
        assertThat(props).containsExactlyInAnyOrderEntriesOf(Map.of(
                "security.protocol", "SASL_SSL",
                "ssl.truststore.location", "/etc/ts.jks"));
    }

    @Test
    void missingFileNamesTheFile() {
        Path missing = dir.resolve("nope.properties");
        assertThatThrownBy(() -> ClientProperties.load(missing, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope.properties");
    }

    @Test
    void registryPropertiesGoToTheSerdesNotToKafkaClients() {
        KafkaConnection connection = new KafkaConnection("b:9092", "http://r:8081", Map.of(
                "security.protocol", "SASL_SSL",
                "basic.auth.user.info", "u:p",
                "schema.registry.ssl.truststore.location", "/ts"));
        assertThat(connection.clientConfig()).containsOnlyKeys("bootstrap.servers", "security.protocol", "metric.reporters");
        assertThat(connection.serdeConfig()).containsOnlyKeys("schema.registry.url", "basic.auth.user.info",
                "schema.registry.ssl.truststore.location");
        assertThat(connection.serdeConfig().get("schema.registry.url")).isEqualTo("http://r:8081");
    }
}
