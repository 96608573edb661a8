package app.soiree.api.payout;

/** One payout, or null when there is none; who may see it is the caller's business (its host, FINANCE). */
public record FindPayout(PayoutId payoutId) {
}
