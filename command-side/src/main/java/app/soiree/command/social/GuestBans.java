package app.soiree.command.social;

import app.soiree.api.identity.UserId;

/** Whether a host barred a user from booking their gatherings: asked by the gathering before it holds a seat. */
@FunctionalInterface
public interface GuestBans {

    /** For aggregate tests and tools that have no directory. */
    GuestBans NONE = (hostId, guestId) -> false;

    boolean banned(UserId hostId, UserId guestId);
}
