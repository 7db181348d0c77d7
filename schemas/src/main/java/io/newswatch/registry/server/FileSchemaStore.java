package io.newswatch.registry.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events as JSON lines in one append-only file, fsynced on every append, so ids and versions survive a
 * restart. Changes are rare (a handful per deployment), so a sync per event costs nothing that matters.
 *
 * <p>A crash can only leave a partial last line: an event counts as stored once its line, newline
 * included, is synced, so a last line without its newline was never acknowledged. Opening drops such a
 * line with a warning. Any other unreadable line is corruption and stops the store from opening.
 *
 * <p>The file is locked while open, so two processes cannot interleave appends.
 */
public final class FileSchemaStore implements SchemaStore {

    private static final Logger log = LoggerFactory.getLogger(FileSchemaStore.class);

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final List<SchemaEvent> events = new ArrayList<>();
    private long size;
    private boolean failed;
    private boolean closed;

    /**
     * Opens (creating if needed) the log at {@code file} and reads its events.
     *
     * @throws UncheckedIOException when the file cannot be opened or read
     * @throws IllegalStateException when another process holds the file, or a line other than the last is corrupt
     */
    public FileSchemaStore(Path file) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
        boolean created = !Files.exists(this.file);
        FileChannel opened = null;
        try {
            if (this.file.getParent() != null) {
                Files.createDirectories(this.file.getParent());
            }
            opened = FileChannel.open(this.file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            this.lock = acquireLock(opened);
            this.channel = opened;
            if (created) {
                syncDirectory();
            }
            replay();
        } catch (IOException e) {
            closeQuietly(opened);
            throw new UncheckedIOException("Cannot open schema store " + this.file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(opened);
            throw e;
        }
    }

    /** The log file. */
    public Path file() {
        return file;
    }

    @Override
    public synchronized List<SchemaEvent> load() {
        return List.copyOf(events);
    }

    @Override
    public synchronized void append(SchemaEvent event) {
        Objects.requireNonNull(event, "event");
        if (closed) {
            throw new IllegalStateException("Schema store " + file + " is closed");
        }
        if (failed) {
            throw new UncheckedIOException(new IOException(
                    "Schema store " + file + " failed earlier and could not be repaired; restart to recover"));
        }
        ByteBuffer line = ByteBuffer.wrap((SchemaEventCodec.encode(event) + "\n").getBytes(StandardCharsets.UTF_8));
        long start = size;
        try {
            long position = start;
            while (line.hasRemaining()) {
                position += channel.write(line, position);
            }
            channel.force(false);
            size = position;
            events.add(event);
        } catch (IOException e) {
            rollBack(start);
            throw new UncheckedIOException("Could not append to schema store " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            lock.release();
        } catch (IOException e) {
            log.warn("Could not release the lock on {}: {}", file, e.toString());
        }
        closeQuietly(channel);
    }

    private void replay() throws IOException {
        long length = channel.size();
        if (length > Integer.MAX_VALUE - 16) {
            throw new IOException("Schema store file is implausibly large: " + length + " bytes");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) length);
        while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) >= 0) {
            // read until full
        }
        byte[] bytes = buffer.array();
        int lineStart = 0;
        int lineNumber = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lineNumber++;
                String line = new String(bytes, lineStart, i - lineStart, StandardCharsets.UTF_8);
                if (!line.isBlank()) {
                    events.add(decode(line, lineNumber));
                }
                lineStart = i + 1;
            }
        }
        if (lineStart < bytes.length) {
            // Never acknowledged (see class comment): cut it off so the next append starts on a clean line.
            log.warn("Schema store {}: dropping an incomplete last line ({} bytes) left by an interrupted write",
                    file, bytes.length - lineStart);
            channel.truncate(lineStart);
            channel.force(true);
        }
        size = lineStart;
    }

    private SchemaEvent decode(String line, int lineNumber) {
        try {
            return SchemaEventCodec.decode(line);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Schema store " + file + " is corrupt at line " + lineNumber + " ("
                    + e.getMessage() + "); refusing to start rather than lose or renumber schemas. Repair or remove that line.", e);
        }
    }

    /** Undoes a partial append so later appends do not glue onto half a line. */
    private void rollBack(long start) {
        try {
            channel.truncate(start);
            channel.force(true);
        } catch (IOException e) {
            failed = true;
            log.error("Schema store {}: could not undo a failed append; refusing further writes", file, e);
        }
    }

    private FileLock acquireLock(FileChannel opened) throws IOException {
        FileLock acquired;
        try {
            acquired = opened.tryLock();
        } catch (OverlappingFileLockException e) {
            throw new IllegalStateException("Schema store " + file + " is already open in this process", e);
        }
        if (acquired == null) {
            throw new IllegalStateException("Schema store " + file + " is in use by another process");
        }
        return acquired;
    }

    /** Makes the new file's directory entry durable too; not every platform allows syncing a directory. */
    private void syncDirectory() {
        Path dir = file.getParent();
        if (dir == null) {
            return;
        }
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            log.debug("Could not sync directory {}: {}", dir, e.toString());
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing after a failure: the original error matters more
            }
        }
    }
}
