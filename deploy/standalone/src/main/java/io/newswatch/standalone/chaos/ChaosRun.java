package io.newswatch.standalone.chaos;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.newswatch.core.config.KafkaConnection;
import io.newswatch.core.topics.TopicLayout;
import io.newswatch.core.topics.TopicProvisioner;
import io.newswatch.core.topics.Topics;
import io.newswatch.embedded.EmbeddedPlatform;
import io.newswatch.standalone.PipelineDrain;

/**
 * One chaos run. A generated archive (see {@link ChaosArchive}) is fed file by file into the input
 * folder of the pipeline while services are killed with SIGKILL at random moments and started
 * again; then the run waits until the pipeline has drained and compares every alert topic and the
 * dead-letter topic with what a correct pipeline writes.
 *
 * <p>{@link Mode#CLUSTER}: a broker and registry in this process, ingest, enrich and alerts as
 * separate processes of the jar, one killed at a time; the broker is restarted in between.
 * {@link Mode#UP}: {@code newswatch up} as one process, killed (with its embedded broker) and
 * restarted on the same data directory; each restart is timed until its first new alert.
 */
public final class ChaosRun {

    public enum Mode { CLUSTER, UP }

    public record Settings(Mode mode, Path workDir, Path jar, int articles, int perFile, int kills, int brokerRestarts,
            int poison, Duration minGap, Duration maxGap, Duration feedInterval, Duration drainTimeout, long seed) {
    }

    public record Result(int kills, int brokerRestarts, AlertCheck.Outcome outcome, List<Long> restartToAlertMillis,
            int unplannedExits, boolean drained, long seconds) {

        public boolean passed() {
            return drained && outcome != null && outcome.passed();
        }

        public String closingLine() {
            AlertCheck.Outcome o = outcome;
            return String.format("chaos kills=%d broker_restarts=%d expected=%d got=%d lost=%d duplicated=%d", kills,
                    brokerRestarts, o == null ? 0 : o.expected(), o == null ? 0 : o.got(), o == null ? 0 : o.lost(),
                    o == null ? 0 : o.duplicated());
        }

        public String detailLine() {
            AlertCheck.Outcome o = outcome;
            List<Long> sorted = new ArrayList<>(restartToAlertMillis);
            Collections.sort(sorted);
            String restarts = sorted.isEmpty() ? "" : String.format(" restart_to_next_alert_ms=min:%d,median:%d,max:%d",
                    sorted.get(0), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
            return String.format("chaos drained=%s unexpected=%d dead_lettered=%d poison_missing=%d dlq_unexpected=%d "
                    + "unplanned_exits=%d seconds=%d%s", drained, o == null ? 0 : o.unexpected(), o == null ? 0 : o.deadLettered(),
                    o == null ? 0 : o.poisonMissing(), o == null ? 0 : o.deadLetterUnexpected(), unplannedExits, seconds, restarts);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENRICH_APP = "newswatch-enrich";
    private static final String ALERTS_APP = "newswatch-alerts";

    private final Settings settings;
    private final PrintWriter log;
    private final Random random;
    private final Topics topics = Topics.defaults();
    private final AtomicBoolean fed = new AtomicBoolean();
    private final Set<String> poisonKeys = new LinkedHashSet<>();
    private int kills;
    private int brokerRestarts;
    private int unplannedExits;

    public ChaosRun(Settings settings, PrintWriter log) {
        this.settings = settings;
        this.log = log;
        this.random = new Random(settings.seed());
    }

    public Result run() throws Exception {
        long started = System.nanoTime();
        Path work = Files.createDirectories(settings.workDir());
        Path logs = Files.createDirectories(work.resolve("logs"));
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        ChaosArchive.Archive archive = ChaosArchive.generate(work.resolve("archive"), settings.articles(),
                settings.perFile(), 12, 0.01, settings.mode() == Mode.CLUSTER ? 3 : 0, settings.seed());
        say("archive: %d articles in %d files, %d should alert (%d alerts expected on %d topics), %d should not; logs in %s",
                archive.articles(), archive.files().size(), archive.expectedByUrl().size(),
                archive.expectedAlerts(topics.alerts()).size(), 1 + archive.teamTopics().size(), archive.silentArticles(), logs);
        return settings.mode() == Mode.CLUSTER ? cluster(archive, inbox, logs, started) : up(archive, inbox, logs, started);
    }

    private Result cluster(ChaosArchive.Archive archive, Path inbox, Path logs, long started) throws Exception {
        Path work = settings.workDir();
        EmbeddedPlatform platform = EmbeddedPlatform.start(work.resolve("platform"));
        List<ServiceProcess> services = new ArrayList<>();
        try {
            KafkaConnection connection = new KafkaConnection(platform.bootstrapServers(), platform.schemaRegistryUrl());
            Set<String> alertTopics = new LinkedHashSet<>();
            alertTopics.add(topics.alerts());
            alertTopics.addAll(archive.teamTopics().values());
            try (Admin admin = Admin.create(connection.clientConfig())) {
                List<String> all = new ArrayList<>(topics.all());
                all.addAll(archive.teamTopics().values());
                new TopicProvisioner(admin, new TopicLayout(3, (short) 1)).ensure(all);
            }
            Map<String, String> env = new HashMap<>();
            env.put("NEWSWATCH_BOOTSTRAP_SERVERS", connection.bootstrapServers());
            env.put("NEWSWATCH_SCHEMA_REGISTRY_URL", connection.schemaRegistryUrl());
            String wl = archive.watchlists().toString();
            // Each service answers /readyz on a port of its own: kills are aimed at services that are processing.
            services.add(service("ingest", List.of("-Xmx256m"), List.of("ingest", "--input", inbox.toString(),
                    "--poll-interval", "1s", "--state-dir", work.resolve("ingest-state").toString()),
                    with(env, "NEWSWATCH_HEALTH_PORT", freePort()), null, logs));
            // Each Streams service is a static member, named as a pod would be, so a restart takes its place back at once.
            Map<String, String> enrichEnv = with(env, "NEWSWATCH_INSTANCE_ID", "chaos-enrich-0");
            enrichEnv.put("NEWSWATCH_HEALTH_PORT", freePort());
            services.add(service("enrich", List.of("-Xmx768m"), List.of("enrich", "--watchlists", wl, "--state-dir",
                    work.resolve("enrich-state").toString()), enrichEnv, null, logs));
            Map<String, String> alertsEnv = with(env, "NEWSWATCH_INSTANCE_ID", "chaos-alerts-0");
            alertsEnv.put("NEWSWATCH_HEALTH_PORT", freePort());
            services.add(service("alerts", List.of("-Xmx512m"), List.of("alerts", "--watchlists", wl, "--state-dir",
                    work.resolve("alerts-state").toString()), alertsEnv, null, logs));
            for (ServiceProcess s : services) {
                s.start();
            }
            Thread feeder = feeder(archive, inbox);
            while (!(fed.get() && kills >= settings.kills())) {
                reviveUnplannedExits(services);
                ServiceProcess victim = services.get(random.nextInt(services.size()));
                // Mid-stream: the victim is ready (processing), then dies at a random moment after that.
                long readyAfter = awaitReady(victim, Duration.ofMinutes(3));
                sleep(between(settings.minGap(), settings.maxGap()));
                victim.kill();
                kills++;
                say("kill %d: %s (kill -9 %.1f s after start, ready after %s)", kills, victim.name(), victim.upMillis() / 1000.0,
                        readyAfter < 0 ? "-- not ready within 3 min" : String.format("%.1f s", readyAfter / 1000.0));
                sleep(between(Duration.ofMillis(300), Duration.ofMillis(2000)));
                victim.start();
                if (brokerRestarts < settings.brokerRestarts()
                        && kills >= (long) settings.kills() * (brokerRestarts + 1) / (settings.brokerRestarts() + 1)) {
                    say("broker restart %d", brokerRestarts + 1);
                    platform.restartBroker();
                    brokerRestarts++;
                }
                if (poisonKeys.isEmpty() && kills >= settings.kills() / 2) {
                    plantPoison(connection);
                }
            }
            if (poisonKeys.isEmpty()) {
                plantPoison(connection);
            }
            feeder.join();
            say("%d kills and %d broker restarts done; waiting for the pipeline to drain", kills, brokerRestarts);
            boolean drained = awaitDrained(connection, archive, services);
            AlertCheck.Outcome outcome = AlertCheck.check(connection, archive.expectedAlerts(topics.alerts()), alertTopics,
                    topics.deadLetter(), poisonKeys);
            return new Result(kills, brokerRestarts, outcome, List.of(), unplannedExits, drained, seconds(started));
        } finally {
            for (ServiceProcess s : services) {
                s.stop();
            }
            platform.close();
        }
    }

    private Result up(ChaosArchive.Archive archive, Path inbox, Path logs, long started) throws Exception {
        Path dataDir = settings.workDir().resolve("up-data");
        Set<String> printed = Collections.synchronizedSet(new HashSet<>());
        AtomicLong firstNewAlert = new AtomicLong();
        ServiceProcess up = service("up", List.of("-Xmx1g"), List.of("up", "--input", inbox.toString(), "--watchlists",
                archive.watchlists().toString(), "--data-dir", dataDir.toString(), "--json", "--poll-interval", "1s"),
                Map.of("NEWSWATCH_HEALTH_PORT", "-1"), line -> {
                    String key = alertKey(line);
                    if (key != null && printed.add(key)) {
                        firstNewAlert.compareAndSet(0, System.nanoTime());
                    }
                }, logs);
        List<Long> restartToAlert = new ArrayList<>();
        // The archive goes in small batches, one dropped just before each kill. A restarted
        // incarnation must have work it has not done, or its next new alert cannot be timed: when
        // the one before it had already printed every alert of what it was given, another batch
        // is dropped at the restart. Two batches per kill, plus the first, cover that.
        int batchCount = 2 * settings.kills() + 1;
        if (archive.files().size() < batchCount) {
            throw new IllegalArgumentException("up mode needs at least two archive files per kill, plus one: "
                    + archive.files().size() + " files for " + settings.kills() + " kills; lower --per-file");
        }
        Deque<List<Path>> unfed = new ArrayDeque<>(batches(archive.files(), batchCount));
        List<Path> fed = new ArrayList<>();
        try {
            long startedAt = System.nanoTime();
            up.start();
            feedNext(unfed, fed, inbox);
            KafkaConnection connection = null;
            while (true) {
                if (kills > 0) {
                    while (pendingAlerts(archive, fed, printed) == 0 && !unfed.isEmpty()) {
                        feedNext(unfed, fed, inbox);
                        say("restart %d: every alert of the files given so far was printed before the kill; "
                                + "dropped the next batch at the restart", kills);
                    }
                }
                // Kill mid-stream only: each incarnation first shows that it makes progress.
                // A cold start on a fresh broker under load can take minutes; a restart is timed below.
                Duration patience = kills == 0 ? Duration.ofMinutes(10) : Duration.ofMinutes(5);
                long alertAt = awaitFirstNewAlert(firstNewAlert, up, patience);
                if (alertAt == 0) {
                    say("no new alert within %s of a start (%d expected alerts not printed yet); the pipeline does not resume",
                            patience, pendingAlerts(archive, fed, printed));
                    break;
                }
                if (kills > 0) {
                    long millis = (alertAt - startedAt) / 1_000_000;
                    restartToAlert.add(millis);
                    say("restart %d: next new alert %d ms after the restart", kills, millis);
                }
                if (connection == null) {
                    connection = upConnection(dataDir);
                }
                if (poisonKeys.isEmpty() && kills >= settings.kills() / 2) {
                    plantPoison(connection);
                }
                if (kills >= settings.kills()) {
                    break;
                }
                feedNext(unfed, fed, inbox);
                sleep(between(settings.minGap(), settings.maxGap()));
                up.kill();
                kills++;
                brokerRestarts++; // the embedded broker dies with the process
                say("kill %d: up (kill -9 after %.1f s up, %d expected alerts not printed yet)", kills,
                        up.upMillis() / 1000.0, pendingAlerts(archive, fed, printed));
                sleep(between(Duration.ofMillis(300), Duration.ofMillis(1500)));
                firstNewAlert.set(0);
                startedAt = System.nanoTime();
                up.start();
            }
            while (!unfed.isEmpty()) {
                feedNext(unfed, fed, inbox);
            }
            if (poisonKeys.isEmpty()) {
                plantPoison(connection);
            }
            say("%d kills done; waiting for the pipeline to drain", kills);
            boolean drained = awaitDrained(connection, archive, List.of(up));
            AlertCheck.Outcome outcome = AlertCheck.check(connection, archive.expectedAlerts(topics.alerts()),
                    Set.of(topics.alerts()), topics.deadLetter(), poisonKeys);
            return new Result(kills, brokerRestarts, outcome, restartToAlert, unplannedExits, drained, seconds(started));
        } finally {
            up.stop();
        }
    }

    /** Moves the next batch into the input folder (a move, so ingest never sees half a file). */
    private static void feedNext(Deque<List<Path>> unfed, List<Path> fed, Path inbox) throws IOException {
        for (Path file : unfed.removeFirst()) {
            Files.move(file, inbox.resolve(file.getFileName()));
            fed.add(file);
        }
    }

    /** Alerts that the files dropped so far must give and that {@code up} has not printed yet. */
    static long pendingAlerts(ChaosArchive.Archive archive, List<Path> fed, Set<String> printed) {
        long pending = 0;
        for (Path file : fed) {
            for (String url : archive.alertingUrls(file)) {
                for (String watchlist : archive.expectedByUrl().get(url)) {
                    if (!printed.contains(alertKey(watchlist, url))) {
                        pending++;
                    }
                }
            }
        }
        return pending;
    }

    private ServiceProcess service(String name, List<String> jvm, List<String> args, Map<String, String> env,
            java.util.function.Consumer<String> stdout, Path logs) {
        return new ServiceProcess(name, settings.jar(), jvm, args, env, logs.resolve(name + ".log"), stdout);
    }

    private static Map<String, String> with(Map<String, String> env, String name, String value) {
        Map<String, String> copy = new HashMap<>(env);
        copy.put(name, value);
        return copy;
    }

    /** Moves the archive's files into the input folder one by one (a move, so ingest never sees half a file). */
    private Thread feeder(ChaosArchive.Archive archive, Path inbox) {
        Duration interval = settings.feedInterval() != null ? settings.feedInterval()
                : feedInterval(archive.files().size());
        Thread t = new Thread(() -> {
            try {
                for (Path file : archive.files()) {
                    Files.move(file, inbox.resolve(file.getFileName()));
                    Thread.sleep(interval.toMillis());
                }
                say("all %d files fed", archive.files().size());
            } catch (IOException | InterruptedException e) {
                say("feeding stopped: %s", e);
            } finally {
                fed.set(true);
            }
        }, "chaos-feeder");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static List<List<Path>> batches(List<Path> files, int count) {
        List<List<Path>> batches = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            batches.add(files.subList(files.size() * b / count, files.size() * (b + 1) / count));
        }
        return batches;
    }

    /** Spread the feeding over about the time the kills take, so that they hit a pipeline with work in flight. */
    private Duration feedInterval(int files) {
        long meanGap = (settings.minGap().toMillis() + settings.maxGap().toMillis()) / 2 + 1000;
        long perFile = settings.kills() * meanGap / Math.max(1, files);
        return Duration.ofMillis(Math.max(100, Math.min(3000, perFile)));
    }

    /**
     * Writes records that no service can read onto the raw and the enriched topic: they must end up
     * in the dead-letter topic, each exactly once, and hold nothing up.
     */
    private void plantPoison(KafkaConnection connection) {
        Map<String, Object> config = new HashMap<>(connection.clientConfig());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < settings.poison(); i++) {
                String topic = i % 2 == 0 ? topics.raw() : topics.enriched();
                String key = "chaos-poison-" + i;
                poisonKeys.add(key);
                producer.send(new ProducerRecord<>(topic, key, ("not an article " + i).getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
        say("planted %d poison records on %s and %s", settings.poison(), topics.raw(), topics.enriched());
    }

    /** Revives a service that died on its own (which it should not); such exits are counted. */
    private void reviveUnplannedExits(List<ServiceProcess> services) throws IOException {
        for (ServiceProcess s : services) {
            if (!s.isAlive()) {
                unplannedExits++;
                say("%s exited on its own (code %s); starting it again", s.name(), s.exitCode());
                s.start();
            }
        }
    }

    /** Every article (and poison record) on the raw topic, and every stage caught up with its input. */
    private boolean awaitDrained(KafkaConnection connection, ChaosArchive.Archive archive, List<ServiceProcess> services)
            throws Exception {
        long deadline = System.nanoTime() + settings.drainTimeout().toNanos();
        int wanted = archive.articles() + (int) poisonKeys.stream().filter(k -> isRawPoison(k)).count();
        Set<String> keys = new HashSet<>();
        Map<String, Object> config = new HashMap<>(connection.clientConfig());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> raw = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo p : raw.partitionsFor(topics.raw(), Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topics.raw(), p.partition()));
            }
            raw.assign(partitions);
            raw.seekToBeginning(partitions);
            long lastReport = System.nanoTime();
            while (keys.size() < wanted) {
                if (System.nanoTime() > deadline) {
                    say("only %d of %d raw articles were published before the deadline", keys.size(), wanted);
                    return false;
                }
                if (services.size() > 1) {
                    reviveUnplannedExits(services);
                }
                for (ConsumerRecord<String, byte[]> r : raw.poll(Duration.ofMillis(500))) {
                    keys.add(r.key());
                }
                if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(15)) {
                    say("raw topic: %d of %d", keys.size(), wanted);
                    lastReport = System.nanoTime();
                }
            }
        }
        try (Admin admin = Admin.create(connection.clientConfig())) {
            Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<String> enrichInputs = new ArrayList<>(List.of(topics.raw()));
            enrichInputs.addAll(repartitionTopics(names, ENRICH_APP));
            List<String> alertsInputs = new ArrayList<>(List.of(topics.enriched()));
            alertsInputs.addAll(repartitionTopics(names, ALERTS_APP));
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            boolean drained = new PipelineDrain(admin).awaitDrained(List.of(new PipelineDrain.Stage(ENRICH_APP, enrichInputs),
                    new PipelineDrain.Stage(ALERTS_APP, alertsInputs)), Duration.ofSeconds(2), Duration.ofMillis(left));
            say(drained ? "pipeline drained" : "pipeline NOT drained before the deadline");
            return drained;
        }
    }

    /** Milliseconds from the start of {@code s} until it was ready, or -1 if it was not within {@code timeout}. */
    private static long awaitReady(ServiceProcess s, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (s.isReady()) {
                return s.upMillis();
            }
            Thread.sleep(250);
        }
        return -1;
    }

    private static String freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return Integer.toString(socket.getLocalPort());
        }
    }

    private static List<String> repartitionTopics(Set<String> names, String app) {
        return names.stream().filter(n -> n.startsWith(app + "-") && n.endsWith("-repartition")).sorted().toList();
    }

    private boolean isRawPoison(String key) {
        return Integer.parseInt(key.substring(key.lastIndexOf('-') + 1)) % 2 == 0;
    }

    private static long awaitFirstNewAlert(AtomicLong firstNewAlert, ServiceProcess up, Duration timeout)
            throws InterruptedException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (firstNewAlert.get() == 0 && System.nanoTime() < deadline) {
            if (!up.isAlive()) {
                up.start();
            }
            Thread.sleep(50);
        }
        return firstNewAlert.get();
    }

    /** The broker and registry of the up process, at the ports it keeps in its data directory. */
    private static KafkaConnection upConnection(Path dataDir) throws IOException {
        Properties ports = new Properties();
        try (InputStream in = Files.newInputStream(dataDir.resolve("kafka").resolve("newswatch-ports.properties"))) {
            ports.load(in);
        }
        String registryPort = Files.readString(dataDir.resolve("registry").resolve("port")).trim();
        return new KafkaConnection("localhost:" + ports.getProperty("broker"), "http://127.0.0.1:" + registryPort);
    }

    /** watch-list id and article URL of an alert printed by {@code up --json}, or null for another line. */
    static String alertKey(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            if (node == null || !node.has("watchlistId")) {
                return null;
            }
            return alertKey(node.path("watchlistId").asText(), node.path("url").asText());
        } catch (IOException e) {
            return null;
        }
    }

    /** Every article of the archive is a story of its own, so a (watch-list, url) pair is one alert. */
    private static String alertKey(String watchlist, String url) {
        return watchlist + "|" + url;
    }

    private Duration between(Duration min, Duration max) {
        long span = Math.max(0, max.toMillis() - min.toMillis());
        return Duration.ofMillis(min.toMillis() + (span == 0 ? 0 : (long) (random.nextDouble() * span)));
    }

    private static void sleep(Duration d) throws InterruptedException {
        Thread.sleep(d.toMillis());
    }

    private static long seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000_000;
    }

    private void say(String format, Object... args) {
        synchronized (log) {
            log.printf("chaos: " + format + "%n", args);
            log.flush();
        }
    }
}
