package app.soiree.query.realtime;

import app.soiree.api.identity.UserId;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/** Sends envelopes to users' sockets, wherever (on whichever replica) they are connected. */
public interface UserPush {

    /** Sends after the current transaction commits (at once when there is none); a user who is not connected gets nothing. */
    void push(UserId userId, PushEnvelope envelope);

    default void push(Collection<UserId> userIds, PushEnvelope envelope) {
        userIds.forEach(userId -> push(userId, envelope));
    }

    /**
     * The users (their ids as text, the sockets' principal names) with a socket now, where this process can know them
     * all: the broker is in this process. Empty where another replica may hold a user's socket (the broker relay), so
     * that only the broker can tell; a sender must then address everyone it may concern.
     */
    default Optional<Set<String>> connectedUsers() {
        return Optional.empty();
    }
}
