package io.newswatch.ingest.cli;

import java.nio.file.Path;

import io.newswatch.ingest.dedup.SeenArticles;
import picocli.CommandLine.Option;

/** Where ingest keeps what it must remember across restarts. */
public class StateOptions {

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "${env:NEWSWATCH_STATE_DIR:-.newswatch/ingest}",
            description = "Published-article fingerprints and feed progress (env NEWSWATCH_STATE_DIR; default: ${DEFAULT-VALUE}).")
    public Path stateDir;

    @Option(names = "--dedup-capacity", paramLabel = "KEYS", defaultValue = "${env:NEWSWATCH_DEDUP_CAPACITY:-4000000}",
            description = "Most recent published keys remembered (two per article; 8 bytes each on disk, about 16 in memory) "
                    + "(env NEWSWATCH_DEDUP_CAPACITY; default: ${DEFAULT-VALUE}).")
    public long dedupCapacity;

    public SeenArticles openSeen() {
        return new SeenArticles(stateDir.resolve("published"), dedupCapacity);
    }

    public Path feedStateDir() {
        return stateDir.resolve("feeds");
    }
}
