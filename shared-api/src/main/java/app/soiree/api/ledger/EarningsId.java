package app.soiree.api.ledger;

import app.soiree.api.TypedId;
import app.soiree.api.gathering.GatheringId;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * The earnings of one gathering. Derived from the gathering's id, never equal to it: the event store
 * keys events by aggregate id whatever the aggregate's type, so two aggregates must not share one.
 */
public record EarningsId(UUID value) implements TypedId {

    public EarningsId {
        Objects.requireNonNull(value, "value");
    }

    public static EarningsId forGathering(GatheringId gatheringId) {
        return new EarningsId(UUID.nameUUIDFromBytes(("earnings:" + gatheringId).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
