package app.soiree.console.notification;

import app.soiree.console.platform.CommandRefused;

/** What support reads when the platform does not resend: the notification's own cases, then the console's. */
final class ResendRefusals {

    private ResendRefusals() {
    }

    static String explanation(CommandRefused refused) {
        return switch (refused.code()) {
            case NOT_FOUND -> "The platform does not know this notification or channel; refresh to see what is left.";
            case STATE_CONFLICT -> "It cannot go out again on this channel now: a send is under way. Refresh to see where it stands.";
            case FORBIDDEN -> "You are not allowed to resend notifications.";
            case VALIDATION_FAILED -> "The platform does not resend on this channel (in-app notifications stay in the inbox).";
            default -> "The resend did not go out: " + refused.explanation();
        };
    }
}
