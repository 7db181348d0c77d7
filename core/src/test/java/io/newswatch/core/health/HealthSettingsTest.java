package io.newswatch.core.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class HealthSettingsTest {

    @Test
    void defaultsToPort8080OnAllInterfaces() {
        HealthSettings settings = HealthSettings.from(Map.of(), Map.of());
        assertThat(settings).isEqualTo(new HealthSettings("0.0.0.0", 8080, false));
        assertThat(settings.enabled()).isTrue();
    }

    @Test
    void environmentSetsPortAndAddressAndSystemPropertiesWin() {
        Map<String, String> env = Map.of("NEWSWATCH_HEALTH_PORT", "9000", "NEWSWATCH_HEALTH_ADDRESS", "127.0.0.1");
        assertThat(HealthSettings.from(env, Map.of())).isEqualTo(new HealthSettings("127.0.0.1", 9000, true));
        assertThat(HealthSettings.from(env, Map.of("newswatch.health.port", "-1")).enabled()).isFalse();
    }

    @Test
    void rejectsANonPortNamingTheVariable() {
        assertThatThrownBy(() -> HealthSettings.from(Map.of("NEWSWATCH_HEALTH_PORT", "http"), Map.of()))
                .hasMessageContaining("NEWSWATCH_HEALTH_PORT").hasMessageContaining("'http'");
        assertThatThrownBy(() -> HealthSettings.from(Map.of("NEWSWATCH_HEALTH_PORT", "70000"), Map.of()))
                .hasMessageContaining("70000");
    }
}
