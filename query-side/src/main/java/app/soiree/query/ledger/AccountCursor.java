package app.soiree.query.ledger;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/** Position in a list of account balances: the last account and currency of a page, opaque to clients. */
record AccountCursor(String account, String currency) {

    private static final int MAX_ENCODED_LENGTH = 600;
    /** Neither account names nor currency codes contain it. */
    private static final char SEPARATOR = '\n';
    static final AccountCursor START = new AccountCursor("", "");

    String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((account + SEPARATOR + currency).getBytes(StandardCharsets.UTF_8));
    }

    /** Where the page starts; {@link #START} (before every account) for the first page. */
    static AccountCursor decode(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return START;
        }
        try {
            if (cursor.length() > MAX_ENCODED_LENGTH) {
                throw new IllegalArgumentException("too long");
            }
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int separator = text.lastIndexOf(SEPARATOR);
            if (separator < 0) {
                throw new IllegalArgumentException("no separator");
            }
            return new AccountCursor(text.substring(0, separator), text.substring(separator + 1));
        } catch (IllegalArgumentException notOurs) {
            throw new SoireeException(ErrorCode.VALIDATION_FAILED,
                    "cursor is not valid: pass back the nextCursor of the previous page unchanged");
        }
    }
}
