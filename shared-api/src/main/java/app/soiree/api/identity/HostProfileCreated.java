package app.soiree.api.identity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The user may now host gatherings (role HOST). */
public record HostProfileCreated(UserId userId, @PersonalData(subject = "userId") @Nullable String bio, Instant createdAt) {
}
