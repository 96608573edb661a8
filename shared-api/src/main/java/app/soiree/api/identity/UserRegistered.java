package app.soiree.api.identity;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** An account exists. Password hashes never enter the event stream; they live in the command side's credential store. */
public record UserRegistered(
        UserId userId,
        @PersonalData(subject = "userId") String email,
        @PersonalData(subject = "userId") String displayName,
        @PersonalData(subject = "userId") @Nullable String phone,
        Set<Role> roles,
        Instant registeredAt) {
}
