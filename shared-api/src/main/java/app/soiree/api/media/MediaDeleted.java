package app.soiree.api.media;

import app.soiree.api.identity.UserId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The medium is gone; {@code objectKeys} are the store's objects to remove (removing them again is harmless). */
public record MediaDeleted(MediaId mediaId, UserId uploaderId, @Nullable UserId deletedBy, MediaDeletion.Reason reason,
                           List<String> objectKeys, Instant at) {

    public MediaDeleted {
        objectKeys = List.copyOf(objectKeys);
    }
}
