package app.soiree.query.ledger;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * The position of a journal entry in a list: its time, then its entry id to break ties. Like the
 * paging {@code Cursor}, but entry ids are {@code messageId:index} rather than UUIDs.
 */
record EntryCursor(Instant at, String entryId) {

    private static final int MAX_ENCODED_LENGTH = 600;
    private static final String SEPARATOR = "|";

    String encode() {
        byte[] raw = (at + SEPARATOR + entryId).getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    static @Nullable EntryCursor decode(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        if (cursor.length() > MAX_ENCODED_LENGTH) {
            throw invalid();
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int separator = raw.indexOf(SEPARATOR);
            if (separator < 0 || separator == raw.length() - 1) {
                throw invalid();
            }
            return new EntryCursor(Instant.parse(raw.substring(0, separator)), raw.substring(separator + 1));
        } catch (IllegalArgumentException | DateTimeParseException notOurs) {
            throw invalid();
        }
    }

    /** For request parameters: a malformed cursor is the client's 400, refused before any query is sent. */
    static @Nullable String requireValid(@Nullable String cursor) {
        return decode(cursor) == null ? null : cursor;
    }

    private static SoireeException invalid() {
        return new SoireeException(ErrorCode.VALIDATION_FAILED,
                "cursor is not valid: pass back the nextCursor of the previous page unchanged");
    }
}
