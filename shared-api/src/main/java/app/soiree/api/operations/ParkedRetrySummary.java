package app.soiree.api.operations;

import org.jspecify.annotations.Nullable;

/**
 * What a retry did: {@code cleared} when every event of the sequence applied and none is parked any
 * more; otherwise how many stay parked and the error of the one that failed again.
 */
public record ParkedRetrySummary(boolean cleared, long stillParked, @Nullable String error) {
}
