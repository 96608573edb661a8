package app.soiree.console.moderation;

import app.soiree.api.chat.ConversationRules;
import app.soiree.console.platform.CommandRefused;

/** What support reads when the platform refuses a moderation action: the conversation's own codes, then the console's. */
final class ModerationRefusals {

    private ModerationRefusals() {
    }

    static String explanation(CommandRefused refused) {
        return switch (refused.code()) {
            case FORBIDDEN -> "The platform refused: a conversation's owner or host cannot be banned from it.";
            case NOT_FOUND -> "The platform does not know this message or its sender in this conversation any more; the page shows "
                    + "what is left.";
            case VALIDATION_FAILED -> "The reason must be 1 to " + ConversationRules.MAX_REASON_LENGTH + " characters.";
            default -> refused.explanation();
        };
    }
}
