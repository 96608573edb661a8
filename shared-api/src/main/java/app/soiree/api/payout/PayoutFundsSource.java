package app.soiree.api.payout;

/**
 * Where the money of a payout is when it goes back to the host's available balance: still reserved
 * (rejected), in transit (the provider refused the transfer), or back at the provider (the transfer
 * was reversed after it was paid).
 */
public enum PayoutFundsSource {
    RESERVED,
    IN_TRANSIT,
    PROVIDER
}
