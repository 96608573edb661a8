package app.soiree.api.payout;

import app.soiree.api.TypedId;
import app.soiree.api.identity.UserId;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * A host's wallet: one per host, derived from the host's id but never equal to it (the event store
 * keys events by aggregate id whatever the aggregate's type, and the user aggregate has the host's id).
 */
public record HostWalletId(UUID value) implements TypedId {

    public HostWalletId {
        Objects.requireNonNull(value, "value");
    }

    public static HostWalletId forHost(UserId hostId) {
        return new HostWalletId(UUID.nameUUIDFromBytes(("host-wallet:" + hostId).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
