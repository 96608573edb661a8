package app.soiree.query.chat;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * Where a sync of a user's conversations stands: a PostgreSQL transaction id below which every
 * transaction had finished when the listing was read ({@code pg_snapshot_xmin} of a snapshot taken
 * before it). Every row a listing depends on records the transaction that last changed it
 * ({@code changed_xid}), so "changed since" is {@code changed_xid >= watermark}: a change the listing
 * did not see was made by a transaction at or above the watermark, whether it committed before,
 * during or after the listing. Transactions that were running but whose changes the listing did see
 * come back once more: a duplicate, never a miss. Opaque to clients.
 */
record SyncToken(long watermark) {

    private static final String PREFIX = "xid:";
    private static final int MAX_ENCODED_LENGTH = 64;

    SyncToken {
        if (watermark < 0) {
            throw new IllegalArgumentException("A watermark is a transaction id, never negative");
        }
    }

    String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + watermark).getBytes(StandardCharsets.UTF_8));
    }

    /** Absent or blank means none; anything this class did not encode is the client's 400. */
    static @Nullable SyncToken decode(@Nullable String token) {
        if (token == null || token.isBlank()) {
            return null;
        }
        try {
            if (token.length() > MAX_ENCODED_LENGTH) {
                throw invalid();
            }
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!raw.startsWith(PREFIX)) {
                throw invalid();
            }
            return new SyncToken(Long.parseLong(raw.substring(PREFIX.length())));
        } catch (IllegalArgumentException notOurs) {
            throw invalid();
        }
    }

    static SoireeException invalid() {
        return new SoireeException(ErrorCode.VALIDATION_FAILED,
                "updatedSince is not a sync token: pass back the syncToken of an earlier listing unchanged");
    }
}
