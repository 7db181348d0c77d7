package io.newswatch.standalone.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ChaosArchiveTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void eachFileKnowsTheAlertingArticlesWrittenToIt() throws Exception {
        ChaosArchive.Archive archive = ChaosArchive.generate(dir.resolve("archive"), 300, 25, 12, 0.01, 0, 13);

        Set<String> seen = new HashSet<>();
        for (Path file : archive.files()) {
            Set<String> inFile = new HashSet<>();
            for (String line : Files.readAllLines(file)) {
                JsonNode article = JSON.readTree(line);
                inFile.add(article.path("url").asText());
            }
            assertThat(inFile).containsAll(archive.alertingUrls(file));
            for (String url : inFile) {
                assertThat(archive.alertingUrls(file).contains(url)).as(url)
                        .isEqualTo(archive.expectedByUrl().containsKey(url));
            }
            seen.addAll(archive.alertingUrls(file));
        }
        assertThat(seen).isEqualTo(archive.expectedByUrl().keySet()).isNotEmpty();
    }

    @Test
    void pendingAlertsCountsWhatTheFedFilesMustGiveAndIsNotPrintedYet() throws Exception {
        ChaosArchive.Archive archive = ChaosArchive.generate(dir.resolve("archive"), 300, 25, 12, 0.01, 0, 13);
        Path file = archive.files().stream().filter(f -> !archive.alertingUrls(f).isEmpty()).findFirst().orElseThrow();
        String url = archive.alertingUrls(file).iterator().next();
        int mustGive = archive.alertingUrls(file).stream().mapToInt(u -> archive.expectedByUrl().get(u).size()).sum();

        Set<String> printed = new HashSet<>();
        assertThat(ChaosRun.pendingAlerts(archive, List.of(), printed)).isZero();
        assertThat(ChaosRun.pendingAlerts(archive, List.of(file), printed)).isEqualTo(mustGive);

        String watchlist = archive.expectedByUrl().get(url).iterator().next();
        printed.add(ChaosRun.alertKey("{\"watchlistId\":\"" + watchlist + "\",\"url\":\"" + url + "\",\"kind\":\"NEW\"}"));
        assertThat(ChaosRun.pendingAlerts(archive, List.of(file), printed)).isEqualTo(mustGive - 1);
    }
}
