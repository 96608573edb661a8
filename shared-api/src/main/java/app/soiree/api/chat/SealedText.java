package app.soiree.api.chat;

import java.util.Objects;
import java.util.UUID;

/**
 * Text sealed with AES-GCM under the key {@code keyId}, which is kept outside the event stream
 * ({@link ContentCipher}). {@code sealed} is base64 of the 12-byte nonce followed by the ciphertext.
 * Once the key is destroyed the text is gone everywhere, the stored events included.
 */
public record SealedText(UUID keyId, String sealed) {

    public SealedText {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(sealed, "sealed");
    }
}
