package io.newswatch.core.streams;

import java.util.Map;

import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

import io.micrometer.core.instrument.Counter;

/**
 * Kafka Streams' log-and-continue handler for records a processor failed on (which sends them to
 * the dead-letter topic with the reason in headers), counting each one in
 * {@code newswatch.records.dead.lettered}.
 */
public class CountingProcessingExceptionHandler extends LogAndContinueProcessingExceptionHandler {

    private Counter deadLettered;

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        deadLettered = DeadLetterCounting.counterFor(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        Response response = super.handleError(context, record, exception);
        deadLettered.increment();
        return response;
    }
}
