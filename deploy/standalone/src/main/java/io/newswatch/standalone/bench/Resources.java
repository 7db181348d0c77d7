package io.newswatch.standalone.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Memory and CPU of this process, and CPU time per pipeline stage from its threads' names. */
final class Resources {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private Resources() {
    }

    /** Resident set size now, in bytes (Linux; 0 elsewhere). */
    static long rss() {
        return statusKb("VmRSS:") * 1024;
    }

    /** Peak resident set size since start, in bytes (Linux; 0 elsewhere). */
    static long peakRss() {
        return statusKb("VmHWM:") * 1024;
    }

    private static long statusKb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return 0;
    }

    static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * CPU time of the live threads by stage: Kafka Streams names its threads (and their clients'
     * network threads) after the application id, the ingest producer's network thread carries its
     * client id; the rest is the broker, the registry and the JVM.
     */
    static Map<String, Long> cpuByStage() {
        Map<String, Long> byStage = new LinkedHashMap<>();
        for (String stage : new String[] {"ingest", "enrich", "alerts", "bench readers"}) {
            byStage.put(stage, 0L);
        }
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = THREADS.getThreadCpuTime(info.getThreadId());
            if (cpu < 0) {
                continue;
            }
            String name = info.getThreadName();
            String stage = name.contains(BenchPipeline.ENRICH_APP) ? "enrich"
                    : name.contains(BenchPipeline.ALERTS_APP) ? "alerts"
                    : name.contains("newswatch-ingest") || name.startsWith("bench-publish") ? "ingest"
                    : name.startsWith("bench-watch") ? "bench readers" : null;
            if (stage != null) {
                byStage.merge(stage, cpu, Long::sum);
            }
        }
        return byStage;
    }

    /** {@code after - before} per stage, plus "broker and the rest" = the process's CPU not in a stage. */
    static Map<String, Long> difference(Map<String, Long> before, Map<String, Long> after, long processCpu) {
        Map<String, Long> d = new LinkedHashMap<>();
        long staged = 0;
        for (Map.Entry<String, Long> e : after.entrySet()) {
            long v = Math.max(0, e.getValue() - before.getOrDefault(e.getKey(), 0L));
            d.put(e.getKey(), v);
            staged += v;
        }
        d.put("broker, registry, JVM", Math.max(0, processCpu - staged));
        return d;
    }
}
