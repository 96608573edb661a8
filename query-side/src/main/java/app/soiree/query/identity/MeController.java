package app.soiree.query.identity;

import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.Actor;
import app.soiree.api.identity.FindUserProfile;
import app.soiree.api.identity.Role;
import app.soiree.api.identity.UserId;
import app.soiree.api.identity.UserProfileView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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

    private final QueryGateway queryGateway;

    MeController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping("/api/me")
    @Operation(summary = "The signed-in user")
    MeResponse me(Actor actor) {
        UserProfileView profile = queryGateway.query(new FindUserProfile(actor.userId()),
                ResponseTypes.instanceOf(UserProfileView.class)).join();
        if (profile == null) {
            throw SoireeException.notFound("User " + actor.userId());
        }
        return new MeResponse(profile.userId(), profile.email(), profile.displayName(), profile.phone(),
                profile.roles(), profile.hostBio(), profile.avatarMediaId());
    }

    record MeResponse(UserId userId, String email, String displayName, @Nullable String phone, Set<Role> roles,
                      @Nullable String hostBio, @Nullable UUID avatarMediaId) {
    }
}
