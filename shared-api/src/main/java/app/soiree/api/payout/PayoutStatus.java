package app.soiree.api.payout;

/**
 * Where a payout stands, as hosts and staff see it. A payout on its way to the provider, or whose
 * transfer has not been answered yet, is still {@code APPROVED}; {@code FAILED} is also where a payout
 * ends whose transfer the provider reversed in full.
 */
public enum PayoutStatus {
    REQUESTED,
    PENDING_APPROVAL,
    APPROVED,
    PAID,
    FAILED,
    REJECTED;

    public boolean isFinal() {
        return this == PAID || this == FAILED || this == REJECTED;
    }
}
