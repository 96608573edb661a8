package app.soiree.query.identity;

import app.soiree.api.identity.FindUserProfile;
import app.soiree.api.identity.HostProfileCreated;
import app.soiree.api.identity.UserProfileView;
import app.soiree.api.identity.UserRegistered;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Keeps {@code user_profiles} in step with the identity events. Replaying it rebuilds the same rows. */
@Component
@ProcessingGroup(UserProfileProjection.PROCESSING_GROUP)
class UserProfileProjection {

    static final String PROCESSING_GROUP = "user-profiles";

    private final UserProfileRepository profiles;

    UserProfileProjection(UserProfileRepository profiles) {
        this.profiles = profiles;
    }

    @EventHandler
    void on(UserRegistered event) {
        // Delivery is at least once: saving the same row again is harmless.
        profiles.save(new UserProfile(event.userId(), event.email(), event.displayName(), event.phone(),
                event.roles(), event.registeredAt()));
    }

    @EventHandler
    void on(HostProfileCreated event) {
        profiles.findById(event.userId().value()).ifPresent(profile -> profile.becomeHost(event.bio()));
    }

    @QueryHandler
    @Nullable UserProfileView handle(FindUserProfile query) {
        return profiles.findById(query.userId().value()).map(UserProfile::toView).orElse(null);
    }
}
