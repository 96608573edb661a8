package app.soiree.query.paging;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The sort key of the last item of a page (a time, then an id that breaks ties), from which the
 * next page continues. Keyset positions stay correct while rows are added, unlike offsets. Clients
 * see only an opaque string and must not build one themselves.
 */
public record Cursor(Instant at, UUID id) {

    private static final int MAX_ENCODED_LENGTH = 200;
    private static final String SEPARATOR = "|";

    public String encode() {
        byte[] raw = (at + SEPARATOR + id).getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /** Absent or blank means the first page; anything this class did not encode is a validation error. */
    public static @Nullable Cursor decode(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        if (cursor.length() > MAX_ENCODED_LENGTH) {
            throw invalid();
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int separator = raw.indexOf(SEPARATOR);
            if (separator < 0) {
                throw invalid();
            }
            return new Cursor(Instant.parse(raw.substring(0, separator)), UUID.fromString(raw.substring(separator + 1)));
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

    private static SoireeException invalid() {
        return new SoireeException(ErrorCode.VALIDATION_FAILED,
                "cursor is not valid: pass back the nextCursor of the previous page unchanged");
    }
}
