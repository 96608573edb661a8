package app.soiree.api.identity;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

public record UserProfileView(
        UserId userId,
        String email,
        String displayName,
        @Nullable String phone,
        Set<Role> roles,
        @Nullable String hostBio,
        Instant registeredAt) {
}
