package app.soiree.api.promotion;

import app.soiree.api.TypedId;
import java.util.Objects;
import java.util.UUID;

public record PromotionId(UUID value) implements TypedId {

    public PromotionId {
        Objects.requireNonNull(value, "value");
    }

    public static PromotionId of(String value) {
        return new PromotionId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
