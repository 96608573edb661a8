package app.soiree.api.payment;

/** Where a payment stands, as its guest and staff see it. */
public enum PaymentStatus {
    /** Recorded; the provider has not answered yet. */
    REQUESTED,
    /** The provider holds a payment the guest can now complete. */
    AWAITING_PAYMENT,
    /** A provider call ended without an answer; reconciliation asks the provider. */
    OUTCOME_UNKNOWN,
    CAPTURED,
    DECLINED
}
