package app.soiree.api.dispute;

/**
 * Where a dispute stands for support: waiting for evidence, evidence submitted, conceded (the provider
 * has still to confirm the loss), or closed by the provider's outcome.
 */
public enum DisputeStatus {
    NEEDS_RESPONSE,
    UNDER_REVIEW,
    ACCEPTED,
    WON,
    LOST;

    public boolean isClosed() {
        return this == WON || this == LOST;
    }
}
