package app.soiree.command.chat;

import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.UserId;
import app.soiree.command.identity.Accounts;
import java.util.Collection;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Refuses user ids nobody registered (404), so a conversation never names a stranger. */
@Component
class KnownUsers {

    private final Accounts accounts;

    KnownUsers(Accounts accounts) {
        this.accounts = accounts;
    }

    void requireKnown(Collection<UserId> userIds) {
        Set<UserId> unknown = accounts.unregistered(userIds);
        if (!unknown.isEmpty()) {
            throw SoireeException.notFound("User " + unknown.iterator().next());
        }
    }
}
