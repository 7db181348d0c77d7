package io.newswatch.core.streams;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * How a Streams instance belongs to its consumer group. Dynamic members get a new member id on
 * every start, so after a crash the group waits for the dead member's session to expire before
 * its partitions move (45 s by default). A static member ({@code group.instance.id}) that comes
 * back under the same instance id takes its old place at once, without a rebalance. The instance
 * id must be unique within the group: two live instances with one id fence each other.
 *
 * @param instanceId the static instance id (Kafka Streams appends the stream thread number), or null for dynamic membership
 * @param sessionTimeout how long the group waits for a silent member, or null for the client default
 */
public record GroupMembership(String instanceId, Duration sessionTimeout) {

    private static final int MAX_ID_LENGTH = 200;

    public GroupMembership {
        if (instanceId != null) {
            instanceId = sanitize(instanceId);
        }
    }

    public static GroupMembership dynamic() {
        return new GroupMembership(null, null);
    }

    public static GroupMembership staticMember(String instanceId, Duration sessionTimeout) {
        return new GroupMembership(instanceId, sessionTimeout);
    }

    /**
     * A static member named after a data directory, for processes that own one (the all-in-one
     * mode): a restart on the same directory is the same member, another directory another one.
     */
    public static GroupMembership forDataDir(String prefix, Path dataDir, Duration sessionTimeout) {
        return new GroupMembership(prefix + "-" + shortHash(dataDir.toAbsolutePath().normalize().toString()), sessionTimeout);
    }

    public boolean isStatic() {
        return instanceId != null;
    }

    /** Adds this membership's settings to Streams properties; explicitly configured values win. */
    public Properties applyTo(Properties streamsProperties) {
        if (instanceId != null) {
            streamsProperties.putIfAbsent(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId);
        }
        if (sessionTimeout != null) {
            streamsProperties.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) sessionTimeout.toMillis());
            // The heartbeat must come well within the session timeout.
            streamsProperties.putIfAbsent(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
                    (int) Math.max(500, sessionTimeout.toMillis() / 4));
        }
        return streamsProperties;
    }

    /** Kafka accepts letters, digits, '.', '_' and '-' in instance ids. */
    static String sanitize(String id) {
        String cleaned = id.trim().replaceAll("[^A-Za-z0-9._-]", "_");
        if (cleaned.isEmpty()) {
            throw new IllegalArgumentException("group instance id must not be empty");
        }
        return cleaned.length() > MAX_ID_LENGTH ? cleaned.substring(0, MAX_ID_LENGTH) : cleaned;
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6).toLowerCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
