package app.soiree.api.notification;

import app.soiree.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A command to a user's notification settings, an aggregate of its own beside the user's account. */
public interface NotificationSettingsCommand {

    UserId userId();

    @TargetAggregateIdentifier
    default String settingsId() {
        return settingsIdOf(userId());
    }

    /** Not the bare user id: aggregate ids share one namespace in the event store, and the account has that one. */
    static String settingsIdOf(UserId userId) {
        return "notification-settings:" + userId;
    }
}
