package app.soiree.api.payout;

import app.soiree.api.RandomUuids;
import app.soiree.api.TypedId;
import app.soiree.api.identity.UserId;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/** One payout; also the idempotency key of its transfer at the provider. */
public record PayoutId(UUID value) implements TypedId {

    public PayoutId {
        Objects.requireNonNull(value, "value");
    }

    public static PayoutId of(String value) {
        return new PayoutId(UUID.fromString(value));
    }

    public static PayoutId random() {
        return new PayoutId(RandomUuids.next());
    }

    /**
     * A request's payout follows from its idempotency key (per host), so a retry after an answer that never
     * came (or a 5xx, which is not remembered) finds the payout the first attempt reserved instead of
     * reserving a second one.
     */
    public static PayoutId forRequest(UserId hostId, String idempotencyKey) {
        return new PayoutId(UUID.nameUUIDFromBytes(("payout:" + hostId + ":" + idempotencyKey).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
