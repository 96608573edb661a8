package app.soiree.query.chat;

import app.soiree.api.chat.ContentCipher;
import app.soiree.api.chat.SealedText;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Opens sealed message text with its key from {@code content_keys}, which the command side writes
 * and destroys. A missing key means the message was deleted: its text is gone, here too.
 */
@Component
class MessageTexts {

    private final NamedParameterJdbcTemplate jdbc;

    MessageTexts(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The text, or null when there is none or its key was destroyed. A key that does not open its text
     * (tampered, or another message's key) throws: that is a broken invariant, not a deleted message.
     */
    /** As {@link #open(SealedText)}, with the key already read (null: destroyed), when it is the text's own. */
    @Nullable String open(@Nullable SealedText text, @Nullable UUID keyId, byte @Nullable [] key) {
        if (text == null) {
            return null;
        }
        if (!text.keyId().equals(keyId)) {
            return open(text);
        }
        return key == null ? null : ContentCipher.open(text, key);
    }

    @Nullable String open(@Nullable SealedText text) {
        if (text == null) {
            return null;
        }
        List<byte[]> key = jdbc.query("select key_bytes from content_keys where key_id = :id",
                new MapSqlParameterSource("id", text.keyId()), (row, index) -> row.getBytes("key_bytes"));
        return key.isEmpty() ? null : ContentCipher.open(text, key.getFirst());
    }
}
