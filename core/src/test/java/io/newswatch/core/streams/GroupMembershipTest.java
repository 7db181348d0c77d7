package io.newswatch.core.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class GroupMembershipTest {

    @Test
    void staticMemberSetsInstanceIdAndSessionTimeoutWithoutOverridingExplicitValues() {
        Properties props = GroupMembership.staticMember("enrich-7f9c", Duration.ofSeconds(10)).applyTo(new Properties());
        assertThat(props).containsEntry("group.instance.id", "enrich-7f9c")
                .containsEntry("session.timeout.ms", 10_000)
                .containsEntry("heartbeat.interval.ms", 2_500);

        Properties explicit = new Properties();
        explicit.put("session.timeout.ms", 30_000);
        GroupMembership.staticMember("a", Duration.ofSeconds(10)).applyTo(explicit);
        assertThat(explicit).containsEntry("session.timeout.ms", 30_000);
    }

    @Test
    void dynamicMembershipAddsNothing() {
        assertThat(GroupMembership.dynamic().applyTo(new Properties())).isEmpty();
        assertThat(GroupMembership.dynamic().isStatic()).isFalse();
    }

    @Test
    void dataDirGivesTheSameIdOnEveryStartAndAnotherIdForAnotherDirectory() {
        GroupMembership a = GroupMembership.forDataDir("up", Path.of("/var/lib/newswatch"), null);
        assertThat(a.instanceId()).isEqualTo(GroupMembership.forDataDir("up", Path.of("/var/lib/newswatch/."), null).instanceId())
                .startsWith("up-").matches("[a-z0-9-]+");
        assertThat(GroupMembership.forDataDir("up", Path.of("/var/lib/other"), null).instanceId()).isNotEqualTo(a.instanceId());
    }

    @Test
    void idsAreCleanedToWhatKafkaAccepts() {
        assertThat(GroupMembership.staticMember(" pod/enrich:0 ", null).instanceId()).isEqualTo("pod_enrich_0");
        assertThatThrownBy(() -> GroupMembership.staticMember("  ", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
