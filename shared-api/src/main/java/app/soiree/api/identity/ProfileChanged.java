package app.soiree.api.identity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The profile as it stands after the change, both fields, so a reader needs no earlier event to show it. */
public record ProfileChanged(UserId userId, @PersonalData(subject = "userId") String displayName,
                             @PersonalData(subject = "userId") @Nullable String bio, Instant at) {
}
