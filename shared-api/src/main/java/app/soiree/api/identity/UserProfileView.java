package app.soiree.api.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** {@code avatarMediaId}: the medium shown as the user's avatar, if any (a plain UUID: the media context builds on this one). */
public record UserProfileView(
        UserId userId,
        String email,
        String displayName,
        @Nullable String phone,
        Set<Role> roles,
        @Nullable String hostBio,
        Instant registeredAt,
        @Nullable UUID avatarMediaId) {
}
