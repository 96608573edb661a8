package app.soiree.command.media;

import app.soiree.api.error.CommandFailures;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.UserId;
import app.soiree.api.media.MediaId;
import app.soiree.api.media.MediaObjects;
import app.soiree.api.media.MediaPurpose;
import app.soiree.api.media.RegisterUpload;
import app.soiree.store.ContentSniffer;
import app.soiree.store.ObjectStore;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * Takes an upload in: its size checked against its purpose, its type read from its first bytes, the day's quota counted,
 * then the bytes streamed into the object store (as {@link MediaObjects#upload}, never served) and the medium registered.
 * Processing then makes the servable variants. A refused registration leaves no object behind.
 */
@Component
public class MediaUploads {

    /** Enough of a file's head for every magic-byte pattern Tika knows. */
    private static final int SNIFF_BYTES = 64 * 1024;

    private final ObjectStore store;
    private final CommandGateway commands;
    private final UploadQuota quota;
    private final MediaProperties properties;

    MediaUploads(ObjectStore store, CommandGateway commands, UploadQuota quota, MediaProperties properties) {
        this.store = store;
        this.commands = commands;
        this.quota = quota;
        this.properties = properties;
    }

    public record Accepted(MediaId mediaId, String contentType, long sizeBytes) {
    }

    public Accepted upload(UserId uploader, MediaPurpose purpose, InputStream content, long sizeBytes) {
        if (sizeBytes <= 0) {
            throw new SoireeException(ErrorCode.VALIDATION_FAILED, "The file is empty");
        }
        long limit = properties.maxSizeBytes(purpose);
        if (sizeBytes > limit) {
            throw tooLarge(purpose, limit);
        }
        MediaId mediaId = MediaId.random();
        String key = MediaObjects.upload(mediaId);
        try (InputStream buffered = new BufferedInputStream(content, SNIFF_BYTES)) {
            buffered.mark(SNIFF_BYTES);
            String contentType = UploadTypes.accepted(purpose, ContentSniffer.sniff(buffered));
            buffered.reset();
            quota.take(uploader, sizeBytes);
            store.put(key, buffered, sizeBytes, contentType);
            try {
                commands.sendAndWait(new RegisterUpload(mediaId, uploader, purpose, contentType, sizeBytes));
            } catch (RuntimeException e) {
                if (CommandFailures.codeOf(e).isPresent()) {
                    store.delete(key);
                }
                throw e;
            }
            return new Accepted(mediaId, contentType, sizeBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store upload " + mediaId, e);
        }
    }

    static SoireeException tooLarge(MediaPurpose purpose, long limit) {
        return new SoireeException(ErrorCode.MEDIA_TOO_LARGE, "A " + purpose + " upload may have at most " + limit / (1024 * 1024) + " MB");
    }
}
