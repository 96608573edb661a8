package app.soiree.api.payout;

import app.soiree.api.RandomUuids;
import app.soiree.api.TypedId;
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

    @Override
    public String toString() {
        return value.toString();
    }
}
