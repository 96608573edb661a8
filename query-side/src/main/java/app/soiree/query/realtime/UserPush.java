package app.soiree.query.realtime;

import app.soiree.api.identity.UserId;
import java.util.Collection;

/** Sends envelopes to users' sockets, wherever (on whichever replica) they are connected. */
public interface UserPush {

    /** Sends after the current transaction commits (at once when there is none); a user who is not connected gets nothing. */
    void push(UserId userId, PushEnvelope envelope);

    default void push(Collection<UserId> userIds, PushEnvelope envelope) {
        userIds.forEach(userId -> push(userId, envelope));
    }
}
