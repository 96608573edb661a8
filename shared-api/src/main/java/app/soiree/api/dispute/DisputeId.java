package app.soiree.api.dispute;

import app.soiree.api.TypedId;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

public record DisputeId(UUID value) implements TypedId {

    public DisputeId {
        Objects.requireNonNull(value, "value");
    }

    public static DisputeId of(String value) {
        return new DisputeId(UUID.fromString(value));
    }

    /**
     * A provider's dispute has one id here, whichever of its events arrives first and however often. Name-based and
     * prefixed with the type, so that it never equals another aggregate's id in the event store.
     */
    public static DisputeId forProviderDispute(String provider, String providerDisputeId) {
        return new DisputeId(UUID.nameUUIDFromBytes(("dispute:" + provider + ":" + providerDisputeId).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
