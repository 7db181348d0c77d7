package io.newswatch.registry;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;

/** Counts calls that reach a delegate, to prove what a cache keeps away from the network. */
public final class CountingSchemaRegistryClient implements SchemaRegistryClient {

    public final AtomicInteger register = new AtomicInteger();
    public final AtomicInteger getById = new AtomicInteger();
    public final AtomicInteger getLatest = new AtomicInteger();
    public final AtomicInteger getId = new AtomicInteger();
    public final AtomicInteger isCompatible = new AtomicInteger();
    public final AtomicInteger subjects = new AtomicInteger();
    public final AtomicInteger close = new AtomicInteger();
    private final SchemaRegistryClient delegate;

    public CountingSchemaRegistryClient(SchemaRegistryClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public int register(String subject, Schema schema) {
        register.incrementAndGet();
        return delegate.register(subject, schema);
    }

    @Override
    public Schema getById(int id) {
        getById.incrementAndGet();
        return delegate.getById(id);
    }

    @Override
    public RegisteredSchema getLatest(String subject) {
        getLatest.incrementAndGet();
        return delegate.getLatest(subject);
    }

    @Override
    public int getId(String subject, Schema schema) {
        getId.incrementAndGet();
        return delegate.getId(subject, schema);
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        isCompatible.incrementAndGet();
        return delegate.isCompatible(subject, schema);
    }

    @Override
    public List<String> subjects() {
        subjects.incrementAndGet();
        return delegate.subjects();
    }

    @Override
    public void close() {
        close.incrementAndGet();
        delegate.close();
    }
}
