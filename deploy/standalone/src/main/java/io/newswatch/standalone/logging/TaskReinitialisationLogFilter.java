package io.newswatch.standalone.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.streams.errors.TaskCorruptedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.core.spi.FilterReply;

/**
 * After an unclean stop (kill -9, OOM kill) an exactly-once Streams task finds no checkpoint for
 * its state, wipes it and restores it from the changelog. That is expected and harmless, but Kafka
 * Streams reports it in five messages, one at ERROR and several with stack traces. This filter
 * drops those and logs one WARN line in their place, when the stream thread starts re-initialising.
 */
public final class TaskReinitialisationLogFilter extends ch.qos.logback.classic.turbo.TurboFilter {

    /** Where the one line goes. */
    public static final String LOGGER = "io.newswatch.streams.recovery";

    private static final String STREAMS_INTERNALS = "org.apache.kafka.streams.processor.internals.";
    private static final Pattern CLIENT = Pattern.compile("stream-(?:thread|client) \\[([^\\]]+?)(?:-StreamThread-(\\d+))?\\]");

    @Override
    public FilterReply decide(Marker marker, ch.qos.logback.classic.Logger logger, Level level, String format,
            Object[] params, Throwable t) {
        if (format == null || !logger.getName().startsWith(STREAMS_INTERNALS) || !level.isGreaterOrEqual(Level.WARN)) {
            return FilterReply.NEUTRAL;
        }
        if (format.contains("Detected the states of tasks")) {
            recovery().warn("{}: tasks {} were stopped uncleanly; their local state is wiped and restored from the changelog",
                    client(format), tasks(format, params, t));
            return FilterReply.DENY;
        }
        if (format.contains("did not find checkpoint offsets") || format.contains("Failed to register startup state stores")
                || format.contains("Encounter corrupted task") || isCorruption(t) || lastIsCorruption(params)
                || format.contains("Get exceptions for the following tasks") && mentionsCorruptionOnly(format, params)) {
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }

    /** The logger of the logging context this filter belongs to. */
    private Logger recovery() {
        return getContext() instanceof ch.qos.logback.classic.LoggerContext lc ? lc.getLogger(LOGGER) : LoggerFactory.getLogger(LOGGER);
    }

    static String client(String message) {
        Matcher m = CLIENT.matcher(message);
        if (!m.find()) {
            return "streams";
        }
        return m.group(2) == null ? m.group(1) : m.group(1) + " thread " + m.group(2);
    }

    private static final Pattern TASKS = Pattern.compile("tasks (\\[[^\\]]*\\])");

    static String tasks(String format, Object[] params, Throwable t) {
        TaskCorruptedException e = t instanceof TaskCorruptedException c ? c
                : params != null && params.length > 0 && params[params.length - 1] instanceof TaskCorruptedException c ? c : null;
        if (e != null) {
            return String.valueOf(e.corruptedTasks());
        }
        Matcher m = TASKS.matcher(format);
        if (m.find()) {
            return m.group(1);
        }
        return params != null && params.length > 0 && !(params[0] instanceof Throwable) ? String.valueOf(params[0]) : "?";
    }

    private static boolean isCorruption(Throwable t) {
        return t instanceof TaskCorruptedException;
    }

    private static boolean lastIsCorruption(Object[] params) {
        return params != null && params.length > 0 && params[params.length - 1] instanceof TaskCorruptedException;
    }

    /** The ERROR "Get exceptions for the following tasks: {...}" when every exception listed is a corruption. */
    private static boolean mentionsCorruptionOnly(String format, Object[] params) {
        String text = params == null ? format : format + java.util.Arrays.toString(params);
        if (params != null && params.length > 0 && params[0] instanceof java.util.Map<?, ?> byTask) {
            return !byTask.isEmpty() && byTask.values().stream().allMatch(e -> e instanceof TaskCorruptedException);
        }
        int exceptions = text.split("Exception", -1).length - 1;
        int corruptions = text.split("TaskCorruptedException", -1).length - 1;
        return corruptions > 0 && corruptions == exceptions;
    }
}
