package io.newswatch.standalone.bench;

import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The HTML page and PNG charts of a pipeline run: latency percentiles over time, throughput per
 * stage, the latency histogram, memory. Charts are drawn off-screen (headless AWT), so this works
 * on a server without a display. The page refers only to the PNGs next to it.
 */
final class PipelineReport {

    static final String LATENCY_OVER_TIME = "latency-percentiles.png";
    static final String THROUGHPUT = "throughput-per-stage.png";
    static final String HISTOGRAM = "latency-histogram.png";
    static final String MEMORY = "memory.png";
    private static final int WIDTH = 800;
    private static final int HEIGHT = 400;

    private final String title;
    private final List<String> summary;
    private final RunRecord run;
    private final List<double[]> heapAfterGc;

    PipelineReport(String title, List<String> summary, RunRecord run, List<double[]> heapAfterGc) {
        this.title = title;
        this.summary = summary;
        this.run = run;
        this.heapAfterGc = List.copyOf(heapAfterGc);
    }

    void write(Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Files.createDirectories(dir);
        save(latencyOverTime(), dir.resolve(LATENCY_OVER_TIME));
        save(throughput(), dir.resolve(THROUGHPUT));
        save(histogram(), dir.resolve(HISTOGRAM));
        save(memory(), dir.resolve(MEMORY));
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Newswatch pipeline benchmark</title><style>body{font-family:sans-serif;max-width:860px;margin:2em auto}"
                + "pre{background:#f4f4f4;padding:1em;white-space:pre-wrap}</style></head><body>\n")
                .append("<h1>Newswatch pipeline benchmark</h1>\n<p>").append(escape(title)).append("</p>\n<pre>");
        summary.forEach(l -> html.append(escape(l)).append('\n'));
        html.append("</pre>\n");
        figure(html, LATENCY_OVER_TIME, "Alert latency percentiles, per second of the run");
        figure(html, THROUGHPUT, "Articles per second leaving each stage");
        figure(html, HISTOGRAM, "Alert latency histogram");
        figure(html, MEMORY, "Memory of the process");
        html.append("</body></html>\n");
        Files.writeString(dir.resolve("index.html"), html, StandardCharsets.UTF_8);
    }

    private static void figure(StringBuilder html, String png, String caption) {
        html.append("<figure><img src=\"").append(png).append("\" alt=\"").append(caption).append("\" width=\"").append(WIDTH)
                .append("\"><figcaption>").append(caption).append("</figcaption></figure>\n");
    }

    private static void save(Object chart, Path file) throws IOException {
        String base = file.toString().substring(0, file.toString().length() - ".png".length());
        if (chart instanceof XYChart xy) {
            BitmapEncoder.saveBitmap(xy, base, BitmapEncoder.BitmapFormat.PNG);
        } else {
            BitmapEncoder.saveBitmap((CategoryChart) chart, base, BitmapEncoder.BitmapFormat.PNG);
        }
    }

    /** Bucket width in seconds so that a chart has at most about 200 points. */
    private double bucketSeconds() {
        double last = run.samples().isEmpty() ? 1 : run.samples().get(run.samples().size() - 1).seconds();
        return Math.max(1, Math.ceil(last / 200));
    }

    private XYChart latencyOverTime() {
        XYChart chart = xy("Alert latency over the run", "seconds into the run", "ms");
        double width = bucketSeconds();
        Map<Long, List<Double>> buckets = new TreeMap<>();
        for (RunRecord.Latency l : run.latencies()) {
            buckets.computeIfAbsent((long) (l.atSeconds() / width), k -> new ArrayList<>()).add(l.millis());
        }
        double[] x = new double[buckets.size()];
        double[][] p = new double[3][buckets.size()];
        int i = 0;
        for (Map.Entry<Long, List<Double>> e : buckets.entrySet()) {
            double[] v = e.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
            x[i] = (e.getKey() + 1) * width;
            p[0][i] = RunRecord.percentile(v, 50);
            p[1][i] = RunRecord.percentile(v, 95);
            p[2][i] = RunRecord.percentile(v, 99);
            i++;
        }
        if (x.length == 0) {
            x = new double[] {0};
            p = new double[][] {{0}, {0}, {0}};
        }
        chart.addSeries("p50", x, p[0]).setMarker(SeriesMarkers.NONE);
        chart.addSeries("p95", x, p[1]).setMarker(SeriesMarkers.NONE);
        chart.addSeries("p99", x, p[2]).setMarker(SeriesMarkers.NONE);
        return chart;
    }

    private XYChart throughput() {
        XYChart chart = xy("Throughput per stage", "seconds into the run", "articles/s (alerts/s for alerts read)");
        List<RunRecord.Sample> s = run.samples();
        int n = Math.max(1, s.size() - 1);
        double[] x = new double[n];
        double[][] rates = new double[5][n];
        for (int i = 1; i <= n && i < s.size(); i++) {
            RunRecord.Sample a = s.get(i - 1);
            RunRecord.Sample b = s.get(i);
            double dt = Math.max(1e-3, b.seconds() - a.seconds());
            x[i - 1] = b.seconds();
            rates[0][i - 1] = Math.max(0, b.published() - a.published()) / dt;
            rates[1][i - 1] = Math.max(0, b.languageDone() - a.languageDone()) / dt;
            rates[2][i - 1] = Math.max(0, b.enrichedRead() - a.enrichedRead()) / dt;
            rates[3][i - 1] = Math.max(0, b.matched() - a.matched()) / dt;
            rates[4][i - 1] = Math.max(0, b.alertsRead() - a.alertsRead()) / dt;
        }
        String[] names = {"ingest: published", "enrich: NLP done", "enrich: enriched readable", "alerts: articles matched",
                "alerts readable"};
        for (int k = 0; k < names.length; k++) {
            chart.addSeries(names[k], x, smooth(rates[k])).setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    /** A moving average over 5 samples: commits arrive in bursts, per-second counts jump. */
    private static double[] smooth(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            int from = Math.max(0, i - 2);
            int to = Math.min(v.length - 1, i + 2);
            double sum = 0;
            for (int j = from; j <= to; j++) {
                sum += v[j];
            }
            out[i] = sum / (to - from + 1);
        }
        return out;
    }

    private CategoryChart histogram() {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title("Alert latency histogram")
                .xAxisTitle("latency (ms), upper bound of the bin").yAxisTitle("alerts").build();
        chart.getStyler().setXAxisLabelRotation(45);
        chart.getStyler().setAvailableSpaceFill(0.95);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        double[] ms = run.sortedMillis();
        double top = ms.length == 0 ? 1 : Math.max(1, ms[ms.length - 1]);
        int bins = 30;
        double width = niceWidth(top / bins);
        int count = (int) Math.ceil(top / width);
        List<String> labels = new ArrayList<>();
        List<Integer> counts = new ArrayList<>(java.util.Collections.nCopies(Math.max(1, count), 0));
        for (int b = 0; b < Math.max(1, count); b++) {
            labels.add(String.format(Locale.ROOT, "%.0f", (b + 1) * width));
        }
        for (double v : ms) {
            int b = Math.min(counts.size() - 1, (int) (v / width));
            counts.set(b, counts.get(b) + 1);
        }
        chart.addSeries("alerts", labels, counts);
        return chart;
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    private static double niceWidth(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= raw) {
                return m * power;
            }
        }
        return 10 * power;
    }

    private XYChart memory() {
        XYChart chart = xy("Memory", "seconds into the run", "MB");
        List<RunRecord.Sample> s = run.samples();
        double[] x = s.stream().mapToDouble(RunRecord.Sample::seconds).toArray();
        if (x.length == 0) {
            x = new double[] {0};
        }
        double[] heap = s.isEmpty() ? new double[] {0} : s.stream().mapToDouble(v -> v.heapUsed() / 1e6).toArray();
        double[] rss = s.isEmpty() ? new double[] {0} : s.stream().mapToDouble(v -> v.rss() / 1e6).toArray();
        chart.addSeries("resident set size", x, rss).setMarker(SeriesMarkers.NONE);
        chart.addSeries("heap used", x, heap).setMarker(SeriesMarkers.NONE);
        if (!heapAfterGc.isEmpty()) {
            chart.addSeries("heap after full GC", heapAfterGc.stream().mapToDouble(p -> p[0]).toArray(),
                    heapAfterGc.stream().mapToDouble(p -> p[1]).toArray());
        }
        return chart;
    }

    private static XYChart xy(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setDefaultSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        return chart;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public String toString() {
        return "report of " + title + " " + Arrays.toString(new String[] {LATENCY_OVER_TIME, THROUGHPUT, HISTOGRAM, MEMORY});
    }
}
