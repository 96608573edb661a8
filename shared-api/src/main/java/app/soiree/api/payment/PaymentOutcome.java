package app.soiree.api.payment;

/**
 * What a payment provider said about a payment. {@code DECLINED} is the provider saying no;
 * {@code UNKNOWN} is not knowing (a call timed out): it is reconciled by asking the provider, never
 * by sending the same money movement again.
 */
public enum PaymentOutcome {
    SUCCEEDED,
    PENDING,
    DECLINED,
    UNKNOWN
}
