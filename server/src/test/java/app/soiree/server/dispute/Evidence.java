package app.soiree.server.dispute;

import app.soiree.api.dispute.EvidenceFileId;
import app.soiree.store.ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The evidence files in the platform's object store, as the tests look at them: through the {@link ObjectStore} bean
 * itself, and (to see that nothing was left behind) as the files of the embedded default's store directory.
 */
final class Evidence {

    private final ObjectStore store;
    private final Path evidenceDirectory;

    Evidence(ObjectStore store, Path objectsDirectory) {
        this.store = store;
        this.evidenceDirectory = objectsDirectory.resolve("evidence");
    }

    /** The bytes stored for the file, or null when the store has no object for it. */
    byte @Nullable [] stored(String fileId) {
        String key = EvidenceFileId.of(fileId).objectKey();
        try {
            if (store.sizeOf(key).isEmpty()) {
                return null;
            }
            try (InputStream content = store.open(key)) {
                return content.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of every evidence object (the file ids), temporary files of a write in progress included. */
    Set<String> objects() {
        if (!Files.isDirectory(evidenceDirectory)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(evidenceDirectory)) {
            return files.map(file -> file.getFileName().toString()).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
