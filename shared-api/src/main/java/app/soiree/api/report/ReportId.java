package app.soiree.api.report;

import app.soiree.api.RandomUuids;
import app.soiree.api.TypedId;
import java.util.Objects;
import java.util.UUID;

/** A report in the moderation queue, of any kind. {@link #toString()} is the bare UUID, the {@code Report} aggregate's identifier. */
public record ReportId(UUID value) implements TypedId {

    public ReportId {
        Objects.requireNonNull(value, "value");
    }

    public static ReportId of(String value) {
        return new ReportId(UUID.fromString(value));
    }

    public static ReportId random() {
        return new ReportId(RandomUuids.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
