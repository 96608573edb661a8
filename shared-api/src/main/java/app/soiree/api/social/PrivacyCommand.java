package app.soiree.api.social;

import app.soiree.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A command to a user's privacy settings, an aggregate of its own beside the user's account. */
public interface PrivacyCommand {

    UserId userId();

    @TargetAggregateIdentifier
    default String privacyId() {
        return privacyIdOf(userId());
    }

    /** Not the bare user id: aggregate ids share one namespace in the event store, and the account has that one. */
    static String privacyIdOf(UserId userId) {
        return "privacy:" + userId;
    }
}
