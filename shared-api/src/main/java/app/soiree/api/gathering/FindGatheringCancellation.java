package app.soiree.api.gathering;

import app.soiree.api.identity.UserId;

/**
 * A cancelled gathering's refund progress, for its host or staff ({@code staff}); answered with a
 * {@link GatheringCancellationView}, or null when it was not cancelled or is not the requester's.
 */
public record FindGatheringCancellation(GatheringId gatheringId, UserId requestedBy, boolean staff) {
}
