package app.soiree.api.chat;

public enum MessageType {
    TEXT, IMAGE, VOICE_NOTE, GATHERING_CARD, REMINDER,
    /** Posted by the platform itself (a reminder firing); no sender. */
    SYSTEM
}
