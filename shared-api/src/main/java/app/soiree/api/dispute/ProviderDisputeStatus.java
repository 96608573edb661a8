package app.soiree.api.dispute;

/**
 * A dispute's status as the provider reports it, once the provider has withdrawn the funds. Inquiries
 * (Stripe's {@code warning_*} statuses) withdraw nothing and are not disputes here.
 */
public enum ProviderDisputeStatus {
    NEEDS_RESPONSE,
    UNDER_REVIEW,
    WON,
    LOST;

    public boolean isFinal() {
        return this == WON || this == LOST;
    }
}
