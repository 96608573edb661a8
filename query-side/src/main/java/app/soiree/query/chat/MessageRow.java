package app.soiree.query.chat;

import app.soiree.api.chat.MessageType;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A {@code chat_messages} row. */
record MessageRow(UUID messageId, UUID conversationId, long seq, @Nullable UUID senderId, MessageType type, @Nullable String text,
                  List<UUID> mediaIds, @Nullable UUID gatheringId, @Nullable Instant reminderAt, @Nullable String reminderText,
                  @Nullable Instant reminderFiredAt, @Nullable UUID replyToMessageId, @Nullable Instant editedAt, boolean deleted,
                  Instant createdAt) {

    static final String COLUMNS = """
            message_id, conversation_id, seq, sender_id, type, text, media_ids, gathering_id, reminder_at, reminder_text,
            reminder_fired_at, reply_to_message_id, edited_at, deleted, created_at""";

    static MessageRow read(ResultSet row, int rowNumber) throws SQLException {
        return new MessageRow(row.getObject("message_id", UUID.class), row.getObject("conversation_id", UUID.class), row.getLong("seq"),
                row.getObject("sender_id", UUID.class), MessageType.valueOf(row.getString("type")), row.getString("text"),
                uuids(row.getArray("media_ids")), row.getObject("gathering_id", UUID.class), Instants.optional(row, "reminder_at"),
                row.getString("reminder_text"), Instants.optional(row, "reminder_fired_at"), row.getObject("reply_to_message_id", UUID.class),
                Instants.optional(row, "edited_at"), row.getBoolean("deleted"), Instants.required(row, "created_at"));
    }

    private static List<UUID> uuids(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((UUID[]) array.getArray());
    }
}
