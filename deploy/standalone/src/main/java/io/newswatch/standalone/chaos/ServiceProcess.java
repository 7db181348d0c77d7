package io.newswatch.standalone.chaos;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One service of the pipeline as an operating-system process of the real jar, which the chaos
 * driver kills with SIGKILL and starts again. Standard error is appended to a log file across
 * restarts; standard output goes to a line handler (or the same log).
 */
final class ServiceProcess {

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private final Consumer<String> stdout;
    private final Integer healthPort;
    private final java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
            .connectTimeout(java.time.Duration.ofSeconds(1)).build();
    private volatile Process process;
    private volatile long startedNanos;
    private int starts;

    ServiceProcess(String name, Path jar, List<String> jvmOptions, List<String> args, Map<String, String> environment,
            Path log, Consumer<String> stdout) {
        this.name = name;
        List<String> cmd = new ArrayList<>();
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.addAll(args);
        this.command = List.copyOf(cmd);
        String port = environment.get("NEWSWATCH_HEALTH_PORT");
        this.healthPort = port == null || port.startsWith("-") ? null : Integer.valueOf(port);
        this.environment = Map.copyOf(environment);
        this.log = log;
        this.stdout = stdout;
    }

    String name() {
        return name;
    }

    /** Every process started here, so that a driver stopped with Ctrl-C or SIGTERM leaves none behind. */
    private static final java.util.Set<Process> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly), "chaos-children"));
    }

    synchronized void start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        if (stdout == null) {
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        }
        builder.environment().keySet().removeIf(k -> k.startsWith("NEWSWATCH_"));
        builder.environment().putAll(environment);
        starts++;
        startedNanos = System.nanoTime();
        Process p = builder.start();
        LIVE.add(p);
        p.onExit().thenAccept(LIVE::remove);
        process = p;
        if (stdout != null) {
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        stdout.accept(line);
                    }
                } catch (IOException e) {
                    // the process died
                }
            }, name + "-stdout");
            reader.setDaemon(true);
            reader.start();
        }
    }

    /** SIGKILL, as kill -9 sends: no shutdown hook runs, nothing is flushed or closed. */
    synchronized void kill() throws InterruptedException {
        Process p = process;
        if (p != null) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** SIGTERM and wait: the graceful stop at the end of a run. */
    synchronized void stop() throws InterruptedException {
        Process p = process;
        if (p != null && p.isAlive()) {
            p.destroy();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Whether the current incarnation answers 200 on /readyz (Streams running, clients connected). */
    boolean isReady() {
        if (healthPort == null || !isAlive()) {
            return false;
        }
        try {
            var response = http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + healthPort + "/readyz")).timeout(java.time.Duration.ofSeconds(2)).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** Exit code of the last incarnation, or null while it runs. */
    Integer exitCode() {
        Process p = process;
        return p == null || p.isAlive() ? null : p.exitValue();
    }

    long upMillis() {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    int starts() {
        return starts;
    }

    @Override
    public String toString() {
        return name;
    }
}
