package io.newswatch.ingest.file;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What becomes of a watched file that cannot be used at all, so that it is not read (and refused) again and again. */
public interface RejectedFiles {

    /** Takes {@code file} out of the way; returns where it went, or {@code file} itself when it stayed. */
    Path reject(Path file, String reason);

    /** Whether {@code directory} holds rejected files (and is not to be read). */
    boolean holds(Path directory);

    /** The folder name used by {@link #intoFolder}. */
    String FOLDER = "rejected";

    /**
     * Moves a rejected file into {@code rejected/} of the watched directory (keeping its relative path),
     * with a {@code .reason.txt} beside it saying why. When the move fails (a read-only input), the
     * file stays where it is; the caller then remembers it until it changes.
     */
    static RejectedFiles intoFolder(Path watched, Clock clock) {
        Path folder = watched.resolve(FOLDER);
        Logger log = LoggerFactory.getLogger(RejectedFiles.class);
        return new RejectedFiles() {
            @Override
            public Path reject(Path file, String reason) {
                Path target = folder.resolve(watched.relativize(file).toString());
                try {
                    Files.createDirectories(target.getParent());
                    Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
                    Files.writeString(target.resolveSibling(target.getFileName() + ".reason.txt"),
                            clock.instant() + " " + file + ": " + reason + System.lineSeparator(), StandardCharsets.UTF_8);
                    return target;
                } catch (IOException | RuntimeException e) {
                    log.warn("Cannot move rejected file {} to {} ({}); it stays and is skipped until it changes", file,
                            folder, e.toString());
                    return file;
                }
            }

            @Override
            public boolean holds(Path directory) {
                return directory.equals(folder);
            }
        };
    }

    /** Leaves rejected files where they are (the caller remembers them). */
    static RejectedFiles inPlace() {
        return new RejectedFiles() {
            @Override
            public Path reject(Path file, String reason) {
                return file;
            }

            @Override
            public boolean holds(Path directory) {
                return false;
            }
        };
    }
}
