package app.soiree.query.chat;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.query.paging.TextCursor;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where a listing of conversations continues (most recent activity first, then id), and the sync
 * token of its first page, which every later page hands out again: a client that pages through its
 * conversations keeps the oldest watermark, so what changed while it paged comes back in its next sync.
 */
record ListingCursor(Instant activityAt, UUID conversationId, SyncToken syncToken) {

    private static final String SEPARATOR = "/";

    String encode() {
        return new TextCursor(activityAt, conversationId + SEPARATOR + syncToken.watermark()).encode();
    }

    static @Nullable ListingCursor decode(@Nullable String cursor) {
        TextCursor text = TextCursor.decode(cursor);
        if (text == null) {
            return null;
        }
        int separator = text.key().indexOf(SEPARATOR);
        try {
            if (separator < 0) {
                throw new IllegalArgumentException("no watermark");
            }
            return new ListingCursor(text.at(), UUID.fromString(text.key().substring(0, separator)),
                    new SyncToken(Long.parseLong(text.key().substring(separator + 1))));
        } catch (IllegalArgumentException notOurs) {
            throw new SoireeException(ErrorCode.VALIDATION_FAILED,
                    "cursor is not valid: pass back the nextCursor of the previous page unchanged");
        }
    }
}
