package app.soiree.query.identity;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/** Position in the staff list: the last email of a page, opaque to clients. Emails are unique, so they need no tie-breaker. */
final class StaffCursor {

    private static final int MAX_ENCODED_LENGTH = 400;

    private StaffCursor() {
    }

    static String encode(String email) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(email.getBytes(StandardCharsets.UTF_8));
    }

    /** The email after which the page starts; the empty string (before every email) for the first page. */
    static String decode(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return "";
        }
        try {
            if (cursor.length() > MAX_ENCODED_LENGTH) {
                throw new IllegalArgumentException("too long");
            }
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notOurs) {
            throw new SoireeException(ErrorCode.VALIDATION_FAILED,
                    "cursor is not valid: pass back the nextCursor of the previous page unchanged");
        }
    }
}
