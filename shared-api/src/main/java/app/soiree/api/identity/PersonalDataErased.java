package app.soiree.api.identity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The user's personal data is erased: their personal key is destroyed (so their fields in every stored
 * event read as {@link PersonalData#ERASED}), and every read model blanks what it copied of them. Holds
 * no personal data itself. {@code reason} is the staff member's note when staff erased the account.
 */
public record PersonalDataErased(UserId userId, @Nullable String reason, Instant erasedAt) {
}
