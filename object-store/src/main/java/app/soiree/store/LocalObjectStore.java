package app.soiree.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Objects as files under one directory ({@code soiree.data-dir}/objects by default). A file is written beside its final
 * name and moved into place, so a crash mid-write leaves a stray temporary file, never half an object.
 */
public class LocalObjectStore implements ObjectStore {

    private final Path root;

    public LocalObjectStore(Path root) throws IOException {
        this.root = Files.createDirectories(root.toAbsolutePath().normalize());
    }

    @Override
    public void put(String key, InputStream content, long sizeBytes, String contentType) throws IOException {
        Path target = pathOf(key);
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempFile(target.getParent(), ".upload-", ".part");
        try {
            long copied = Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
            if (copied != sizeBytes) {
                throw new IOException("Expected " + sizeBytes + " bytes for " + key + " but read " + copied);
            }
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    @Override
    public OptionalLong sizeOf(String key) throws IOException {
        Path path = pathOf(key);
        return Files.isRegularFile(path) ? OptionalLong.of(Files.size(path)) : OptionalLong.empty();
    }

    @Override
    public InputStream open(String key, long offset, long length) throws IOException {
        SeekableByteChannel channel;
        try {
            channel = Files.newByteChannel(pathOf(key));
        } catch (NoSuchFileException e) {
            throw new NoSuchObjectException(key);
        }
        channel.position(offset);
        InputStream stream = Channels.newInputStream(channel);
        return length < 0 ? stream : new BoundedInputStream(stream, length);
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(pathOf(key));
    }

    @Override
    public Optional<URI> signedUrl(String key, Duration validFor, String contentType) {
        ObjectKeys.check(key);
        return Optional.empty();
    }

    private Path pathOf(String key) {
        Path path = root.resolve(ObjectKeys.check(key)).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("Not an object key: " + key);
        }
        return path;
    }
}
