package io.newswatch.standalone.chaos;

import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.concurrent.Callable;

import io.newswatch.ingest.IngestCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newswatch chaos}: kill -9 the pipeline's processes mid-stream and check that no alert is lost or doubled. */
@Command(name = "chaos", mixinStandardHelpOptions = true,
        description = {"Crash-safety suite: feeds a generated archive through the pipeline while killing its processes "
                + "with SIGKILL at random moments, then reads every alert topic (read_committed) and compares with the "
                + "alerts the archive must give.",
                "The last line is 'chaos kills=N broker_restarts=N expected=N got=N lost=N duplicated=N'; "
                        + "the exit code is 1 on any loss, duplicate, unexpected alert or dead letter."})
public final class ChaosCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--mode", defaultValue = "cluster",
            description = "cluster: ingest, enrich and alerts as separate processes on a broker of this process, "
                    + "which is also restarted; up: the all-in-one 'newswatch up' (default: ${DEFAULT-VALUE}).")
    ChaosRun.Mode mode;

    @Option(names = "--articles", defaultValue = "10000", description = "Articles in the generated archive (default: ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--per-file", defaultValue = "50", description = "Articles per archive file (default: ${DEFAULT-VALUE}).")
    int perFile;

    @Option(names = "--kills", defaultValue = "20", description = "Processes killed at least (default: ${DEFAULT-VALUE}).")
    int kills;

    @Option(names = "--broker-restarts", defaultValue = "1",
            description = "Broker restarts in cluster mode (default: ${DEFAULT-VALUE}).")
    int brokerRestarts;

    @Option(names = "--poison", defaultValue = "20",
            description = "Unreadable records planted on the raw and enriched topics (default: ${DEFAULT-VALUE}).")
    int poison;

    @Option(names = "--min-gap", defaultValue = "2s", converter = IngestCommand.DurationConverter.class,
            description = "Shortest wait before a kill (default: ${DEFAULT-VALUE}).")
    Duration minGap;

    @Option(names = "--max-gap", defaultValue = "8s", converter = IngestCommand.DurationConverter.class,
            description = "Longest wait before a kill (default: ${DEFAULT-VALUE}).")
    Duration maxGap;

    @Option(names = "--feed-interval", converter = IngestCommand.DurationConverter.class,
            description = "Pause between two archive files dropped into the input folder (default: spread over the kills).")
    Duration feedInterval;

    @Option(names = "--drain-timeout", defaultValue = "30m", converter = IngestCommand.DurationConverter.class,
            description = "Give up (and fail) when the pipeline has not drained by then after the last kill (default: ${DEFAULT-VALUE}).")
    Duration drainTimeout;

    @Option(names = "--seed", defaultValue = "13", description = "Random seed of the archive and of the kills (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--work-dir", paramLabel = "DIR", description = "Where the archive, state and logs go (default: a new temporary directory).")
    Path workDir;

    @Option(names = "--jar", paramLabel = "FILE", description = "The newswatch jar to run the services from (default: this one).")
    Path jar;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Path theJar = jar != null ? jar : runningJar();
        if (theJar == null || !Files.isRegularFile(theJar)) {
            err.println("newswatch chaos: cannot find the newswatch jar; give it with --jar");
            return 2;
        }
        Path dir = workDir != null ? workDir : Files.createTempDirectory("newswatch-chaos-");
        ChaosRun.Result result = new ChaosRun(new ChaosRun.Settings(mode, dir, theJar, articles, perFile, kills,
                brokerRestarts, poison, minGap, maxGap, feedInterval, drainTimeout, seed), err).run();
        PrintWriter out = spec.commandLine().getOut();
        out.println(result.detailLine());
        out.println(result.closingLine());
        out.flush();
        return result.passed() ? 0 : 1;
    }

    private static Path runningJar() {
        try {
            Path location = Paths.get(ChaosCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(location)) {
                return location;
            }
            Path built = Paths.get("deploy/standalone/target/newswatch.jar");
            return Files.isRegularFile(built) ? built.toAbsolutePath() : null;
        } catch (URISyntaxException | SecurityException e) {
            return null;
        }
    }
}
