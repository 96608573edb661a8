package app.soiree.server.realtime;

import app.soiree.server.security.ErasedUsers;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.user.SimpSession;
import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.stereotype.Component;

/**
 * Closes the sockets of a user who has just been erased. A socket is authenticated once, at {@code CONNECT}, so without
 * this one opened before the erasure would go on receiving the user's pushes for as long as it stays up; a new one is
 * refused, as the user's tokens are ({@code ErasedUsersRefused}). Each replica closes the sockets connected to it, as
 * it learns of the erasure ({@link ErasedUsers}: at once where the erasure was made, within a poll elsewhere). The
 * client gets an {@code ERROR} frame saying why, after which the server closes the socket, as STOMP wants.
 */
@Component
@ConditionalOnBooleanProperty("soiree.role.query")
class ErasedUsersDisconnected {

    static final String ERASED = "The account was erased.";

    private final SimpUserRegistry users;
    private final MessageChannel clientOutboundChannel;

    ErasedUsersDisconnected(SimpUserRegistry users, @Qualifier("clientOutboundChannel") MessageChannel clientOutboundChannel) {
        this.users = users;
        this.clientOutboundChannel = clientOutboundChannel;
    }

    @EventListener
    void on(ErasedUsers.UserErased erased) {
        SimpUser user = users.getUser(erased.userId().toString());
        if (user == null) {
            return;
        }
        // Sessions another replica holds are listed too in relay mode; this replica's outbound channel ignores their ids.
        for (SimpSession session : user.getSessions()) {
            SocketErrors.close(clientOutboundChannel, session.getId(), ERASED);
        }
    }
}
