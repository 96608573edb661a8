package app.soiree.api.payout;

/** What finance may want to know about a payout's host before approving it; answered with {@link PayoutRiskHints} or null. */
public record FindPayoutRiskHints(PayoutId payoutId) {
}
