package app.soiree.api.social;

import app.soiree.api.identity.UserId;

/** Lifts the blocker's own block (the other's block, if any, stays); the follows it ended do not come back. */
public record UnblockUser(UserId blockerId, UserId blockedId) implements RelationshipCommand {

    @Override
    public UserId actorId() {
        return blockerId;
    }

    @Override
    public UserId otherId() {
        return blockedId;
    }
}
