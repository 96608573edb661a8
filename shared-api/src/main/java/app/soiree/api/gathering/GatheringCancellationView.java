package app.soiree.api.gathering;

import java.time.Instant;

/**
 * The refunds of a cancelled gathering: one per confirmed booking with money paid. A booking that staff
 * had refunded in full already counts as succeeded.
 */
public record GatheringCancellationView(GatheringId gatheringId, CancellationProgress status, int bookingsToRefund, int refundsRequested,
                                        int refundsSucceeded, int refundsFailed, Instant cancelledAt) {
}
