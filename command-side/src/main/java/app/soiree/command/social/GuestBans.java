package app.soiree.command.social;

import app.soiree.api.identity.UserId;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/** Whether a host barred a user from booking their gatherings: asked by the gathering before it holds a seat. */
@FunctionalInterface
public interface GuestBans {

    /** For aggregate tests and tools that have no directory. */
    GuestBans NONE = (hostId, guestId) -> false;

    boolean banned(UserId hostId, UserId guestId);

    /**
     * The bans of one host among many guests, asked once: a batch of holds asks it before deciding any (the gathering
     * decides them one after another under its lock, and a question to the database for each was a round trip each in
     * that serial section). The answer is as of the question; a ban recorded while the batch is decided applies from
     * the next one.
     */
    default GuestBans of(UserId hostId, Collection<UserId> guestIds) {
        Set<UserId> barred = guestIds.stream().filter(guestId -> banned(hostId, guestId)).collect(Collectors.toSet());
        return (host, guest) -> host.equals(hostId) ? barred.contains(guest) : banned(host, guest);
    }
}
