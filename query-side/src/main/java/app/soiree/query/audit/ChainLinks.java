package app.soiree.query.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * The hash of a link of the chain over the stored events: SHA-256 over the previous link's hash and the
 * event as stored, so changing any stored byte of an event, or removing, inserting or reordering links,
 * changes every hash from there on.
 *
 * <p>What is hashed, in this order: the previous link's hash (32 bytes; {@link #GENESIS} for the first
 * link), then the event id, aggregate type, aggregate id, sequence number, time, payload type, payload
 * revision, payload and metadata. Texts are UTF-8 and, like the two byte fields, preceded by their length
 * as a 4-byte big-endian integer (-1 for an absent one), so that no two different events give the same
 * input; the sequence number is 8 bytes big-endian; the time is its ISO-8601 text (as {@code Instant}
 * writes it). An outside party can recompute a link from a copy of the store with this paragraph alone.
 */
final class ChainLinks {

    /** What the first link follows: 32 zero bytes, in hex. */
    static final String GENESIS = "0".repeat(64);

    private static final HexFormat HEX = HexFormat.of();

    private ChainLinks() {
    }

    /** The hash (lower-case hex) of the link that chains {@code event} after the link whose hash is {@code previousHash}. */
    static String next(String previousHash, ChainedEvent event) {
        MessageDigest sha256 = sha256();
        sha256.update(HEX.parseHex(previousHash));
        text(sha256, event.eventId());
        text(sha256, event.aggregateType());
        text(sha256, event.aggregateId());
        sha256.update(ByteBuffer.allocate(Long.BYTES).putLong(event.sequence()).array());
        text(sha256, event.timestamp().toString());
        text(sha256, event.payloadType());
        text(sha256, event.payloadRevision());
        bytes(sha256, event.payload());
        bytes(sha256, event.metaData());
        return HEX.formatHex(sha256.digest());
    }

    private static void text(MessageDigest sha256, @Nullable String text) {
        bytes(sha256, text == null ? null : text.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(MessageDigest sha256, byte @Nullable [] bytes) {
        sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes == null ? -1 : bytes.length).array());
        if (bytes != null) {
            sha256.update(bytes);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
