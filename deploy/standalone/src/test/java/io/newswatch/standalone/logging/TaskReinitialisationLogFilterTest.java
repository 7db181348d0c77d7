package io.newswatch.standalone.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.apache.kafka.streams.errors.TaskCorruptedException;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** The messages Kafka Streams 4.3 logs when a task finds no checkpoint after a kill, as it logs them. */
class TaskReinitialisationLogFilterTest {

    private static final String PREFIX = "stream-thread [newswatch-alerts-0fc3e5c2-StreamThread-1] ";
    private final LoggerContext context = new LoggerContext();
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();

    @BeforeEach
    void setUp() {
        TaskReinitialisationLogFilter filter = new TaskReinitialisationLogFilter();
        filter.setContext(context);
        filter.start();
        context.addTurboFilter(filter);
        events.setContext(context);
        events.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(events);
    }

    @AfterEach
    void tearDown() {
        context.stop();
    }

    @Test
    void aReinitialisationAfterACrashIsOneWarnLine() {
        TaskCorruptedException corrupted = new TaskCorruptedException(Set.of(new TaskId(1, 0)));
        kafka("ProcessorStateManager").warn(PREFIX + "stream-task [1_0] State store alerted-stories did not find checkpoint "
                + "offsets while stores are not empty, since under EOS it has the risk of getting uncommitted data in stores "
                + "we have to treat it as a task corruption error and wipe out the local state of task 1_0 before re-bootstrapping");
        kafka("StateDirectory").warn("Failed to register startup state stores for task {}: {}", "1_0", corrupted.getMessage());
        kafka("TaskManager").error(PREFIX + "Get exceptions for the following tasks: {}", Map.of(new TaskId(1, 0), corrupted));
        kafka("TaskManager").warn(PREFIX + "Encounter corrupted task 1_0, will group it with other corrupted tasks and handle together",
                corrupted);
        kafka("StreamThread").warn(PREFIX + "Detected the states of tasks " + corrupted.corruptedTasks()
                + " are corrupted. Will close the task as dirty and re-create and bootstrap from scratch.", corrupted);

        assertThat(events.list).hasSize(1);
        ILoggingEvent line = events.list.get(0);
        assertThat(line.getLevel()).isEqualTo(Level.WARN);
        assertThat(line.getThrowableProxy()).isNull();
        assertThat(line.getFormattedMessage()).isEqualTo("newswatch-alerts-0fc3e5c2 thread 1: tasks [1_0] were stopped "
                + "uncleanly; their local state is wiped and restored from the changelog");
    }

    @Test
    void otherStreamsErrorsStillGetThrough() {
        kafka("TaskManager").error(PREFIX + "Get exceptions for the following tasks: {}",
                Map.of(new TaskId(0, 1), new IllegalStateException("disk full")));
        kafka("StreamThread").warn(PREFIX + "something else went wrong", new IllegalStateException("boom"));
        assertThat(events.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.ERROR, Level.WARN);
    }

    private Logger kafka(String internalsClass) {
        return context.getLogger("org.apache.kafka.streams.processor.internals." + internalsClass);
    }
}
