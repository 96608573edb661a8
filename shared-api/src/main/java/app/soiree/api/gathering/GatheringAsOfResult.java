package app.soiree.api.gathering;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What {@link FindGatheringAsOf} found for a gathering that exists: when it was created, and how it stood at the
 * instant asked about; {@code gathering} is null when it was created only after that instant, since it did not
 * exist then.
 */
public record GatheringAsOfResult(Instant createdAt, @Nullable GatheringAsOfView gathering) {
}
