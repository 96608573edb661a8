package app.soiree.api.social;

import app.soiree.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A command between two users: it goes to their one relationship, whichever of them sends it. */
public interface RelationshipCommand {

    /** Who acts. */
    UserId actorId();

    /** Whom it is about. */
    UserId otherId();

    @TargetAggregateIdentifier
    default RelationshipId relationshipId() {
        return RelationshipId.between(actorId(), otherId());
    }
}
