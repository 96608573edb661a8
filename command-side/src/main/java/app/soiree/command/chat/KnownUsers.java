package app.soiree.command.chat;

import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.FindUserProfile;
import app.soiree.api.identity.UserId;
import app.soiree.api.identity.UserProfileView;
import java.util.Collection;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/** Refuses user ids nobody registered (404), asked of the read side's profiles, so a conversation never names a stranger. */
@Component
class KnownUsers {

    private final QueryGateway queries;

    KnownUsers(QueryGateway queries) {
        this.queries = queries;
    }

    void requireKnown(Collection<UserId> userIds) {
        for (UserId userId : userIds) {
            UserProfileView profile = queries.query(new FindUserProfile(userId), ResponseTypes.instanceOf(UserProfileView.class)).join();
            if (profile == null) {
                throw SoireeException.notFound("User " + userId);
            }
        }
    }
}
