package app.soiree.api.ledger;

import app.soiree.api.identity.UserId;

/** The chart of accounts. Host accounts are per host: {@code host:{hostId}:pending} and its siblings. */
public final class LedgerAccounts {

    /** Cash held for the platform at the payment provider. */
    public static final String PROVIDER_CASH = "platform:stripe";
    /** The platform's own revenue: its fee on every payment. */
    public static final String PLATFORM_FEES = "platform:fees";
    /** What the payment provider charged for moving the money. */
    public static final String PROVIDER_FEES = "platform:provider-fees";
    /** What the platform lost: disputes lost beyond what their hosts bear. */
    public static final String LOSSES = "platform:losses";
    /** Money the provider withdrew for open disputes, until the outcome brings it back or makes it a loss. */
    public static final String DISPUTES = "platform:disputes";
    /** Payouts sent to hosts' connected accounts and not yet confirmed by the provider. */
    public static final String PAYOUTS_IN_TRANSIT = "platform:payouts-in-transit";

    private LedgerAccounts() {
    }

    /** Earnings of gatherings that have not ended long enough ago to be paid out. */
    public static String hostPending(UserId hostId) {
        return "host:" + hostId + ":pending";
    }

    public static String hostAvailable(UserId hostId) {
        return "host:" + hostId + ":available";
    }

    public static String hostReserved(UserId hostId) {
        return "host:" + hostId + ":reserved";
    }

    public static String hostDisputeHold(UserId hostId) {
        return "host:" + hostId + ":dispute-hold";
    }
}
