package io.newswatch.standalone.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * A short run of each mode of {@code bench pipeline} on a real embedded broker: every expected
 * alert arrives exactly once, the closing line says so, and the report's charts are real PNGs.
 */
class PipelineBenchIntegrationTest {

    private static final Pattern CLOSING = Pattern.compile(
            "pipeline rate=(\\d+\\.\\d)/s p50_ms=(\\d+) p95_ms=(\\d+) p99_ms=(\\d+) max_ms=(\\d+) alerts=(\\d+) lost=(\\d+) duplicated=(\\d+)");

    private static List<String> bench(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new PipelineBenchCommand()).setOut(new PrintWriter(out, true));
        int code = cl.execute(args);
        List<String> lines = out.toString().lines().toList();
        assertThat(code).as("exit code; output:%n%s", out).isZero();
        return lines;
    }

    private static Matcher closing(List<String> lines) {
        Matcher m = CLOSING.matcher(lines.get(lines.size() - 1));
        assertThat(m.matches()).as("closing line: %s", lines.get(lines.size() - 1)).isTrue();
        return m;
    }

    @Test
    void latencyModeDeliversEveryExpectedAlertOnceAndWritesTheReport(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("report");
        List<String> lines = bench("--rate", "4", "--seconds", "5", "--warmup-seconds", "0", "--watchlists", "2000",
                "--report", report.toString(), "--data-dir", dir.resolve("data").toString());
        Matcher m = closing(lines);
        assertThat(Integer.parseInt(m.group(6))).as("alerts").isPositive();
        assertThat(m.group(7)).as("lost").isEqualTo("0");
        assertThat(m.group(8)).as("duplicated").isEqualTo("0");
        assertThat(Long.parseLong(m.group(2))).isPositive().isLessThanOrEqualTo(Long.parseLong(m.group(4)));
        assertThat(lines).anyMatch(l -> l.startsWith("check: 20 enriched articles read (0 missing, 0 duplicated)"));

        String html = Files.readString(report.resolve("index.html"));
        for (String png : List.of(PipelineReport.LATENCY_OVER_TIME, PipelineReport.THROUGHPUT, PipelineReport.HISTOGRAM,
                PipelineReport.MEMORY)) {
            assertThat(html).contains("<img src=\"" + png + "\"");
            BufferedImage image = ImageIO.read(report.resolve(png).toFile());
            assertThat(image).as(png).isNotNull();
            assertThat(image.getWidth()).isEqualTo(800);
        }
    }

    @Test
    void replayModeWorksThroughTheBacklog(@TempDir Path dir) {
        List<String> lines = bench("--replay", "30", "--watchlists", "1000", "--data-dir", dir.toString());
        Matcher m = closing(lines);
        assertThat(Double.parseDouble(m.group(1))).as("rate").isPositive();
        assertThat(Integer.parseInt(m.group(6))).as("alerts").isPositive();
        assertThat(m.group(7)).isEqualTo("0");
        assertThat(m.group(8)).isEqualTo("0");
        assertThat(lines).anyMatch(l -> l.startsWith("replay: 30 articles, last alert"));
        assertThat(lines).anyMatch(l -> l.startsWith("check: 30 enriched articles read (0 missing, 0 duplicated)"));
    }
}
