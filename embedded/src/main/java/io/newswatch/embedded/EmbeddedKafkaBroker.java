package io.newswatch.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.IntSupplier;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A real single-node Kafka broker (KRaft, combined broker + controller) running in this JVM.
 *
 * <p>The only place that touches Kafka's internal server classes. The log directory is formatted on
 * first start and reused afterwards, so topics, offsets and transactions survive a restart. Ports
 * chosen on first start are remembered in the data directory because the controller's address is
 * part of the formatted quorum state.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final String PORTS_FILE = "newswatch-ports.properties";
    private static final String SCRAM_FILE = "newswatch-broker-scram.txt";
    private static final String SCRAM_MECHANISM = "SCRAM-SHA-512";
    private static final String SCRAM_BROKER_USER = "newswatch-broker";
    private static final int BIND_ATTEMPTS = 3;

    private final Path dataDir;
    private final int brokerPort;
    private final int controllerPort;
    private final KafkaRaftServer server;

    private EmbeddedKafkaBroker(Path dataDir, int brokerPort, int controllerPort, KafkaRaftServer server) {
        this.dataDir = dataDir;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
        this.server = server;
    }

    /** Starts a broker on free ports, keeping its data in {@code dataDir}. */
    public static EmbeddedKafkaBroker start(Path dataDir) {
        return start(dataDir, Map.of());
    }

    /**
     * Starts a broker keeping its data in {@code dataDir}; {@code overrides} are broker properties
     * that win over the defaults (e.g. {@code num.partitions}).
     */
    public static EmbeddedKafkaBroker start(Path dataDir, Map<String, String> overrides) {
        return start(dataDir, overrides, Map.of());
    }

    /**
     * Starts a broker whose client listener requires SASL/SCRAM-SHA-512 authentication, the way a
     * secured production cluster does. {@code users} (name to password) are created in the cluster
     * metadata when the log directory is formatted; clients connect with
     * {@code security.protocol=SASL_PLAINTEXT} and {@code sasl.mechanism=SCRAM-SHA-512}.
     */
    public static EmbeddedKafkaBroker startWithScram(Path dataDir, Map<String, String> users) {
        if (users.isEmpty()) {
            throw new IllegalArgumentException("SCRAM needs at least one user");
        }
        return start(dataDir, Map.of(), users);
    }

    private static EmbeddedKafkaBroker start(Path dataDir, Map<String, String> overrides, Map<String, String> scramUsers) {
        return start(dataDir, overrides, scramUsers, EmbeddedKafkaBroker::freePort);
    }

    /** {@code freePorts} proposes the ports of a first start (a test proposes a busy one). */
    static EmbeddedKafkaBroker start(Path dataDir, Map<String, String> overrides, Map<String, String> scramUsers,
            IntSupplier freePorts) {
        boolean fresh = !Files.exists(dataDir.resolve(PORTS_FILE)) && !Files.exists(dataDir.resolve("kafka-logs"));
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnce(dataDir, overrides, scramUsers, freePorts);
            } catch (RuntimeException e) {
                // Free ports are chosen before Kafka binds them, so another process can take one in
                // between. A directory formatted just now can be formatted again on other ports.
                if (!fresh || attempt == BIND_ATTEMPTS || !isBindFailure(e)) {
                    throw e;
                }
                log.warn("Embedded broker could not bind its ports ({}); trying other ports", e.getMessage());
                deleteFreshState(dataDir);
            }
        }
    }

    private static EmbeddedKafkaBroker startOnce(Path dataDir, Map<String, String> overrides, Map<String, String> scramUsers,
            IntSupplier freePorts) {
        try {
            Files.createDirectories(dataDir);
            Path logDir = dataDir.resolve("kafka-logs");
            int[] ports = ports(dataDir, freePorts);
            Properties props = brokerProperties(logDir, ports[0], ports[1]);
            Map<String, String> users = new TreeMap<>(scramUsers);
            if (!scramUsers.isEmpty()) {
                String brokerPassword = brokerPassword(dataDir);
                users.put(SCRAM_BROKER_USER, brokerPassword);
                props.putAll(scramListener(ports[0], ports[1], brokerPassword));
            }
            props.putAll(overrides);
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                format(dataDir, props, users);
            }
            long started = System.nanoTime();
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            try {
                server.startup();
            } catch (RuntimeException e) {
                // A half-started server keeps threads that write into the data directory; stop them.
                stopQuietly(server);
                throw e;
            }
            log.info("Kafka broker started on localhost:{} in {} ms (data: {})", ports[0],
                    (System.nanoTime() - started) / 1_000_000, logDir);
            return new EmbeddedKafkaBroker(dataDir, ports[0], ports[1], server);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the embedded Kafka broker in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    public String bootstrapServers() {
        return "localhost:" + brokerPort;
    }

    public int port() {
        return brokerPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        log.info("Kafka broker on localhost:{} stopped", brokerPort);
    }

    static Properties brokerProperties(Path logDir, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.bootstrap.servers", "localhost:" + controllerPort);
        p.put("listeners", "PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "4");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("min.insync.replicas", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // After a crash the controller holds the old broker registration until its session expires
        // (9 s by default) and refuses the restarted broker meanwhile; one node needs no patience.
        p.put("broker.session.timeout.ms", "2000");
        p.put("broker.heartbeat.interval.ms", "500");
        // The cleaner's default 128 MiB dedupe buffer dominates the heap of a small broker.
        p.put("log.cleaner.dedupe.buffer.size", "2097152");
        p.put("auto.create.topics.enable", "false");
        return p;
    }

    /** The client listener switched to SASL_PLAINTEXT with SCRAM-SHA-512; the broker logs in to itself as its own user. */
    private static Map<String, String> scramListener(int brokerPort, int controllerPort, String brokerPassword) {
        return Map.of(
                "listeners", "SASL_PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners", "SASL_PLAINTEXT://localhost:" + brokerPort,
                "listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name", "SASL_PLAINTEXT",
                "sasl.enabled.mechanisms", SCRAM_MECHANISM,
                "sasl.mechanism.inter.broker.protocol", SCRAM_MECHANISM,
                "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + SCRAM_BROKER_USER
                        + "\" password=\"" + brokerPassword + "\";");
    }

    /** The broker's own SCRAM password, made on first start and kept with the data it protects. */
    private static String brokerPassword(Path dataDir) throws IOException {
        Path file = dataDir.resolve(SCRAM_FILE);
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        }
        String password = Uuid.randomUuid().toString();
        Files.writeString(file, password, StandardCharsets.UTF_8);
        return password;
    }

    private static void format(Path dataDir, Properties props, Map<String, String> scramUsers) throws IOException {
        Path config = dataDir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(config)) {
            props.store(out, "Newswatch embedded broker");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int rc;
        try (PrintStream ps = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            List<String> args = new ArrayList<>(List.of("format", "-t",
                    Uuid.randomUuid().toString(), "-c", config.toString(), "--standalone"));
            scramUsers.forEach((name, password) -> {
                args.add("--add-scram");
                args.add(SCRAM_MECHANISM + "=[name=" + name + ",password=" + password + "]");
            });
            rc = StorageTool.execute(args.toArray(String[]::new), ps);
        }
        if (rc != 0) {
            throw new IOException("formatting the log directory failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    /** Ports remembered from the first start, or fresh free ones. */
    private static int[] ports(Path dataDir, IntSupplier freePorts) throws IOException {
        Path file = dataDir.resolve(PORTS_FILE);
        Properties saved = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                saved.load(in);
            }
            int broker = Integer.parseInt(saved.getProperty("broker"));
            int controller = Integer.parseInt(saved.getProperty("controller"));
            if (isFree(broker) && isFree(controller)) {
                return new int[] {broker, controller};
            }
            throw new IOException("ports " + broker + "/" + controller + " used by this data directory are busy;"
                    + " is another newswatch running on " + dataDir + "?");
        }
        int broker = freePorts.getAsInt();
        int controller = freePorts.getAsInt();
        while (controller == broker) {
            controller = freePorts.getAsInt();
        }
        saved.setProperty("broker", Integer.toString(broker));
        saved.setProperty("controller", Integer.toString(controller));
        try (OutputStream out = Files.newOutputStream(file)) {
            saved.store(out, "Ports of the embedded broker, fixed at format time");
        }
        return new int[] {broker, controller};
    }

    private static void stopQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            log.warn("Stopping the half-started embedded broker failed: {}", e.toString());
        }
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException || String.valueOf(t.getMessage()).contains("failed to bind")) {
                return true;
            }
        }
        return false;
    }

    /** Removes what a first start wrote (ports, config, formatted log directory) so it can start afresh. */
    private static void deleteFreshState(Path dataDir) {
        try {
            for (String name : new String[] {PORTS_FILE, "server.properties", SCRAM_FILE}) {
                Files.deleteIfExists(dataDir.resolve(name));
            }
            Utils.delete(dataDir.resolve("kafka-logs").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clear the embedded broker's first start in " + dataDir, e);
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress("localhost", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
