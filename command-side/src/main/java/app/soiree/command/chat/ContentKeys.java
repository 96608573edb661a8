package app.soiree.command.chat;

import app.soiree.api.chat.ContentCipher;
import app.soiree.api.chat.SealedText;
import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.UserId;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The keys that seal message text, one per message, in {@code content_keys}: outside the event
 * stream, so that destroying a key erases the text from every stored event (crypto-shredding).
 */
@Component
public class ContentKeys {

    private final JdbcTemplate jdbc;

    ContentKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Seals a new message's text under a key made for it (the key id is the message id), noting its author for erasure. */
    SealedText sealNew(UUID keyId, UserId author, String text) {
        byte[] key = ContentCipher.newKey();
        int inserted = jdbc.update("insert into content_keys (key_id, key_bytes, author_id) values (?, ?, ?) on conflict (key_id) do nothing",
                keyId, key, author.value());
        // A key this id already had (a retried post: its id follows from its Idempotency-Key) is the one that seals.
        return inserted == 1 ? ContentCipher.seal(keyId, key, text) : seal(keyId, text);
    }

    /** Seals an edit under the message's existing key; a message whose key is gone was deleted. */
    SealedText seal(UUID keyId, String text) {
        byte[] key = jdbc.query("select key_bytes from content_keys where key_id = ?", (rs, row) -> rs.getBytes(1), keyId)
                .stream().findFirst().orElseThrow(() -> SoireeException.notFound("Message " + keyId));
        return ContentCipher.seal(keyId, key, text);
    }

    void destroy(UUID keyId) {
        jdbc.update("delete from content_keys where key_id = ?", keyId);
    }

    /** Destroys the key of every message {@code author} wrote: their texts are gone from every event and read model. */
    int destroyAllOf(UserId author) {
        return jdbc.update("delete from content_keys where author_id = ?", author.value());
    }
}
