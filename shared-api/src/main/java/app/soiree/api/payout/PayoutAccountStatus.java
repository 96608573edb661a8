package app.soiree.api.payout;

/**
 * A host's connected account at the provider: {@code NONE} before onboarding started,
 * {@code ONBOARDING} until the provider enables transfers to it, {@code ENABLED}, and
 * {@code DISABLED} when the provider took that back (missing documents, a review).
 */
public enum PayoutAccountStatus {
    NONE,
    ONBOARDING,
    ENABLED,
    DISABLED
}
