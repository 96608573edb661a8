package app.soiree.api.ledger;

import app.soiree.api.identity.UserId;

/**
 * The chart of accounts by code, for the places that store, query and show codes (postings, the
 * journal, statements). The accounts themselves, and the one way to read a code back, are
 * {@link LedgerAccount}.
 */
public final class LedgerAccounts {

    /** Cash held for the platform at the payment provider. */
    public static final String PROVIDER_CASH = LedgerAccount.Platform.PROVIDER_CASH.code();
    /** The platform's own revenue: its fee on every payment. */
    public static final String PLATFORM_FEES = LedgerAccount.Platform.PLATFORM_FEES.code();
    /** What the payment provider charged for moving the money. */
    public static final String PROVIDER_FEES = LedgerAccount.Platform.PROVIDER_FEES.code();
    /** What the platform lost: disputes lost beyond what their hosts bear. */
    public static final String LOSSES = LedgerAccount.Platform.LOSSES.code();
    /** Money the provider withdrew for open disputes, until the outcome brings it back or makes it a loss. */
    public static final String DISPUTES = LedgerAccount.Platform.DISPUTES.code();
    /** Payouts sent to hosts' connected accounts and not yet confirmed by the provider. */
    public static final String PAYOUTS_IN_TRANSIT = LedgerAccount.Platform.PAYOUTS_IN_TRANSIT.code();
    /** The platform's revenue from promotions hosts paid for, less what cancellations gave back. */
    public static final String PROMOTIONS = LedgerAccount.Platform.PROMOTIONS.code();

    private LedgerAccounts() {
    }

    /** Earnings of gatherings that have not ended long enough ago to be paid out. */
    public static String hostPending(UserId hostId) {
        return LedgerAccount.host(hostId, LedgerAccount.HostBucket.PENDING).code();
    }

    public static String hostAvailable(UserId hostId) {
        return LedgerAccount.host(hostId, LedgerAccount.HostBucket.AVAILABLE).code();
    }

    public static String hostReserved(UserId hostId) {
        return LedgerAccount.host(hostId, LedgerAccount.HostBucket.RESERVED).code();
    }

    public static String hostDisputeHold(UserId hostId) {
        return LedgerAccount.host(hostId, LedgerAccount.HostBucket.DISPUTE_HOLD).code();
    }
}
