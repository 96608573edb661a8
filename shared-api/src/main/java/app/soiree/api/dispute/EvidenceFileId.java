package app.soiree.api.dispute;

import app.soiree.api.TypedId;
import java.util.Objects;
import java.util.UUID;

public record EvidenceFileId(UUID value) implements TypedId {

    public EvidenceFileId {
        Objects.requireNonNull(value, "value");
    }

    public static EvidenceFileId of(String value) {
        return new EvidenceFileId(UUID.fromString(value));
    }

    /** Where the file's bytes are kept in the object store: {@code evidence/<id>}. */
    public String objectKey() {
        return "evidence/" + value;
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
