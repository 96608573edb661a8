package app.soiree.command.social;

import app.soiree.api.identity.UserId;

/** Whether users blocked each other, as of the last answered block or unblock (kept by {@link SocialDirectory}). */
public interface Blocks {

    boolean eitherBlocked(UserId one, UserId other);

    /** Whether {@code blockerId} blocked {@code blockedId} (one direction only). */
    boolean blocked(UserId blockerId, UserId blockedId);
}
