package app.soiree.query.paging;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * The sort key of the last item of a page: a time, then a text key that breaks ties (a journal
 * entry's {@code messageId:index}). {@link Cursor} is the same for UUID keys. Clients see only an
 * opaque string and must not build one themselves.
 */
public record TextCursor(Instant at, String key) {

    private static final int MAX_ENCODED_LENGTH = 600;
    private static final String SEPARATOR = "|";

    public String encode() {
        byte[] raw = (at + SEPARATOR + key).getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /** Absent or blank means the first page; anything this class did not encode is a validation error. */
    public static @Nullable TextCursor decode(@Nullable String cursor) {
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
            return new TextCursor(Instant.parse(raw.substring(0, separator)), raw.substring(separator + 1));
        } catch (IllegalArgumentException | DateTimeParseException notOurs) {
            throw invalid();
        }
    }

    /**
     * For request parameters: refuses a malformed cursor before any query is sent, so that it is the
     * client's 400 rather than a failure inside a query handler. Blank becomes absent.
     */
    public static @Nullable String requireValid(@Nullable String cursor) {
        return decode(cursor) == null ? null : cursor;
    }

    static SoireeException invalid() {
        return new SoireeException(ErrorCode.VALIDATION_FAILED,
                "cursor is not valid: pass back the nextCursor of the previous page unchanged");
    }
}
