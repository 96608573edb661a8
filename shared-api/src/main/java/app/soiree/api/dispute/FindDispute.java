package app.soiree.api.dispute;

/** One dispute with everything support needs to work on it; null when there is none. Updated like {@link FindDisputes}. */
public record FindDispute(DisputeId disputeId) {
}
