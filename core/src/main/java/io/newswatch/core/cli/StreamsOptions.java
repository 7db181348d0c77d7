package io.newswatch.core.cli;

import java.nio.file.Path;

import io.newswatch.core.streams.GroupMembership;
import picocli.CommandLine.Option;

/** Options of a Kafka Streams service. */
public class StreamsOptions {

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "${env:NEWSWATCH_STATE_DIR:-${sys:java.io.tmpdir}/newswatch-streams}",
            description = "Directory for local state stores (env NEWSWATCH_STATE_DIR; default: ${DEFAULT-VALUE}).")
    public Path stateDir;

    @Option(names = "--threads", defaultValue = "${env:NEWSWATCH_STREAM_THREADS:-1}",
            description = "Stream threads (env NEWSWATCH_STREAM_THREADS; default: ${DEFAULT-VALUE}).")
    public int threads;

    @Option(names = "--application-id", paramLabel = "ID", defaultValue = "${env:NEWSWATCH_APPLICATION_ID}",
            description = "Kafka Streams application id; instances with the same id share the work "
                    + "(env NEWSWATCH_APPLICATION_ID; default: newswatch-<service>).")
    public String applicationId;

    @Option(names = "--instance-id", paramLabel = "ID", defaultValue = "${env:NEWSWATCH_INSTANCE_ID}",
            description = "Static group membership: an id unique to this instance that stays the same across its restarts, "
                    + "so that a restarted instance takes its partitions back at once instead of after the session timeout. "
                    + "Default: the HOSTNAME variable (the pod or container name); 'none' for dynamic membership "
                    + "(env NEWSWATCH_INSTANCE_ID).")
    public String instanceId;

    public String applicationId(String service) {
        return applicationId == null || applicationId.isBlank() ? "newswatch-" + service : applicationId;
    }

    /** Static membership under {@code --instance-id}, else HOSTNAME as containers and pods set it; dynamic with 'none' or neither. */
    public GroupMembership membership() {
        return membership(instanceId, System.getenv("HOSTNAME"));
    }

    static GroupMembership membership(String instanceId, String hostname) {
        String id = instanceId == null || instanceId.isBlank() ? hostname : instanceId;
        if (id == null || id.isBlank() || id.trim().equalsIgnoreCase("none")) {
            return GroupMembership.dynamic();
        }
        return GroupMembership.staticMember(id, null);
    }
}
