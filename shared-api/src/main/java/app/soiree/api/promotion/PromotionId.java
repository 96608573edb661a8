package app.soiree.api.promotion;

import app.soiree.api.TypedId;
import app.soiree.api.identity.UserId;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

public record PromotionId(UUID value) implements TypedId {

    public PromotionId {
        Objects.requireNonNull(value, "value");
    }

    public static PromotionId of(String value) {
        return new PromotionId(UUID.fromString(value));
    }

    /**
     * A request's promotion follows from its idempotency key (per host), so a retry after an answer that never came
     * finds the promotion the first attempt paid for instead of paying a second time.
     */
    public static PromotionId forRequest(UserId hostId, String idempotencyKey) {
        return new PromotionId(UUID.nameUUIDFromBytes(("promotion:" + hostId + ":" + idempotencyKey).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
