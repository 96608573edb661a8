package app.soiree.api.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/**
 * Erase a user's personal data (the right to erasure): their key is destroyed, so every personal field
 * they own reads as erased everywhere, while ids, money and the ledger stay. {@code reason} is the staff
 * member's justification when staff erase an account (null when users erase their own); it is an audit
 * note, and must not repeat the personal data it erases. Erasing an erased user changes nothing.
 */
public record ErasePersonalData(@TargetAggregateIdentifier UserId userId, @Nullable String reason) {
}
