package app.soiree.api.chat;

import java.time.Instant;

/** What a {@link MessageType#REMINDER} message will post, and when. */
public record Reminder(Instant at, SealedText text) {
}
