package app.soiree.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where file bytes live: uploads, their processed variants and dispute evidence. Every side of the platform reaches files
 * here and nowhere else, so commands, events and queries carry keys and ids, never bytes, and any replica can serve any
 * file. Two implementations: {@link LocalObjectStore} (a directory, the embedded default) and {@link S3ObjectStore}
 * (any S3-compatible store, for the distributed mode), chosen by {@code soiree.storage.type}.
 *
 * <p>Keys are relative paths of lower-case letters, digits, {@code - _ .} and {@code /} ({@link ObjectKeys#check}). An
 * object is written whole or not at all: a reader never sees half a file.
 */
public interface ObjectStore {

    /** Stores exactly {@code sizeBytes} bytes read from {@code content} under the key, replacing what was there. */
    void put(String key, InputStream content, long sizeBytes, String contentType) throws IOException;

    /** The object's size, or empty when there is no such object. */
    OptionalLong sizeOf(String key) throws IOException;

    /**
     * The object's bytes from {@code offset}, at most {@code length} of them ({@code -1}: to the end).
     *
     * @throws NoSuchObjectException when there is no such object
     */
    InputStream open(String key, long offset, long length) throws IOException;

    /** The whole object. */
    default InputStream open(String key) throws IOException {
        return open(key, 0, -1);
    }

    /** Removes the object; removing what is not there is not an error, so a retried deletion is harmless. */
    void delete(String key) throws IOException;

    /**
     * A URL a client may fetch the object from directly for a short while, or empty when this store only serves through
     * the platform (the local disk).
     */
    Optional<URI> signedUrl(String key, Duration validFor, String contentType);
}
