package app.soiree.console.platform;

import java.util.Optional;
import java.util.UUID;

/** Ids as staff type or paste them. */
public final class Ids {

    private Ids() {
    }

    /** The UUID written in full (36 characters) in {@code text}; none for anything else, the short forms Java would accept included. */
    public static Optional<UUID> uuid(String text) {
        if (text.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
