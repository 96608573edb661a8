package app.soiree.api.social;

import app.soiree.api.TypedId;
import app.soiree.api.identity.UserId;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/** The one relationship of two users: the same id whichever of them acts, never the id of anything else. */
public record RelationshipId(UUID value) implements TypedId {

    public RelationshipId {
        Objects.requireNonNull(value, "value");
    }

    public static RelationshipId between(UserId one, UserId other) {
        if (one.equals(other)) {
            throw new IllegalArgumentException("A relationship needs two users, got " + one + " twice");
        }
        String first = one.value().compareTo(other.value()) <= 0 ? one.toString() : other.toString();
        String second = first.equals(one.toString()) ? other.toString() : one.toString();
        return new RelationshipId(UUID.nameUUIDFromBytes(("relationship:" + first + ":" + second).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
