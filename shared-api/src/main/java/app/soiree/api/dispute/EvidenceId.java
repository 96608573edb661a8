package app.soiree.api.dispute;

import app.soiree.api.TypedId;
import java.util.Objects;
import java.util.UUID;

public record EvidenceId(UUID value) implements TypedId {

    public EvidenceId {
        Objects.requireNonNull(value, "value");
    }

    public static EvidenceId of(String value) {
        return new EvidenceId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
