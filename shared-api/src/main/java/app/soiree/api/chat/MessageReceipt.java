package app.soiree.api.chat;

import java.time.Instant;

/** What {@link PostMessage} is answered with: the message's place in its conversation and its time. */
public record MessageReceipt(long seq, Instant createdAt) {
}
