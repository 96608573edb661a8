package app.soiree.query.identity;

import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.Actor;
import app.soiree.api.identity.FindUserProfile;
import app.soiree.api.identity.Role;
import app.soiree.api.identity.UserId;
import app.soiree.api.identity.UserProfileView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Identity")
class MeController {

    /**
     * How long a signed-in user's own profile is waited for when it is not there yet. Tokens are issued only to accounts
     * that exist, and an erased account keeps its (emptied) profile: a profile missing for a valid token is one the
     * {@code user-profiles} projection has yet to write, a moment after registration (more while the processors are
     * busy, or on another replica), and a client that signs in and asks for itself would otherwise be told its own
     * account does not exist.
     */
    private static final Duration OWN_PROFILE_WAIT = Duration.ofSeconds(2);
    private static final Duration OWN_PROFILE_POLL = Duration.ofMillis(25);

    private final QueryGateway queryGateway;

    MeController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping("/api/me")
    @Operation(summary = "The signed-in user (right after registration, answered once the profile is projected, within a few seconds)")
    MeResponse me(Actor actor) {
        UserProfileView profile = profileOf(actor.userId());
        long giveUpAt = System.nanoTime() + OWN_PROFILE_WAIT.toNanos();
        while (profile == null && System.nanoTime() < giveUpAt && pausedFor(OWN_PROFILE_POLL)) {
            profile = profileOf(actor.userId());
        }
        if (profile == null) {
            throw SoireeException.notFound("User " + actor.userId());
        }
        return new MeResponse(profile.userId(), profile.email(), profile.displayName(), profile.phone(),
                profile.roles(), profile.hostBio(), profile.avatarMediaId());
    }

    /** False when the thread was interrupted (the server is stopping): then it answers with what it has. */
    private static boolean pausedFor(Duration pause) {
        try {
            Thread.sleep(pause);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private @Nullable UserProfileView profileOf(UserId userId) {
        return queryGateway.query(new FindUserProfile(userId), ResponseTypes.instanceOf(UserProfileView.class)).join();
    }

    record MeResponse(UserId userId, String email, String displayName, @Nullable String phone, Set<Role> roles,
                      @Nullable String hostBio, @Nullable UUID avatarMediaId) {
    }
}
