package app.soiree.api.refund;

/** Where one refund stands. */
public enum RefundStatus {
    /** Recorded on the payment; the provider has not (yet) said anything about it. */
    REQUESTED,
    /** The provider accepted it and will tell when it is done. */
    PENDING,
    /** The provider's calls went unanswered too often: staff look at it (a late provider event still settles it). */
    OUTCOME_UNKNOWN,
    /** The money went back to the guest; the ledger has it. */
    SUCCEEDED,
    /** The provider refused it, or it failed after it had succeeded; the amount may be refunded again. */
    FAILED
}
