package app.soiree.api.notification;

import app.soiree.api.identity.PersonalData;
import app.soiree.api.identity.UserId;
import java.time.Instant;

/** SMS and WhatsApp go to {@code phone} (E.164) from now on; a new number clears earlier opt-outs. */
public record PhoneNumberVerified(UserId userId, @PersonalData(subject = "userId") String phone, long version, Instant at) {
}
