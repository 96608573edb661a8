package app.soiree.api.chat;

import java.time.Duration;

/** Limits every client and every side agree on. */
public final class ConversationRules {

    public static final int MAX_GROUP_MEMBERS = 256;
    public static final int MAX_TEXT_LENGTH = 4000;
    public static final int MAX_TITLE_LENGTH = 120;
    public static final int MAX_MEDIA_PER_MESSAGE = 10;
    public static final int MAX_EMOJI_LENGTH = 16;
    public static final int MAX_SLOW_MODE_SECONDS = 3600;
    /** A mute's or ban's reason, and a report's note. */
    public static final int MAX_REASON_LENGTH = 500;
    public static final Duration EDIT_WINDOW = Duration.ofMinutes(15);

    private ConversationRules() {
    }
}
