package app.soiree.api;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Random (version 4) UUIDs from a few independent strong generators instead of the JDK's one.
 * {@link UUID#randomUUID()} draws from a single {@code NativePRNG} that every thread of the process locks in
 * turn; Axon asks for an identifier for every message, including the result of each event each tracking processor
 * handles, so under load threads queued on that lock (2.9 s blocked over a 12 s capture phase). Each
 * stripe here is a self-seeded {@code DRBG} (NIST SP 800-90A, as strong as the JDK's default), picked by the
 * calling thread, so threads rarely meet on one.
 */
public final class RandomUuids {

    private static final int STRIPES = 16;
    private static final SecureRandom[] GENERATORS = new SecureRandom[STRIPES];

    static {
        for (int i = 0; i < STRIPES; i++) {
            try {
                GENERATORS[i] = SecureRandom.getInstance("DRBG");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK since 9 has DRBG", e);
            }
        }
    }

    private RandomUuids() {
    }

    public static UUID next() {
        byte[] bytes = new byte[16];
        GENERATORS[(int) (Thread.currentThread().threadId() & (STRIPES - 1))].nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40); // version 4
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80); // IETF variant
        ByteBuffer halves = ByteBuffer.wrap(bytes);
        return new UUID(halves.getLong(), halves.getLong());
    }
}
