package app.soiree.api.payout;

import app.soiree.api.Money;
import app.soiree.api.identity.UserId;
import app.soiree.api.ledger.LedgerEvent;
import app.soiree.api.ledger.Posting;
import java.time.Instant;
import java.util.List;

/**
 * A payout's money is available to the host again: from {@code host:{id}:reserved} (rejected), from
 * {@code platform:payouts-in-transit} (the transfer failed) or from {@code platform:stripe} (the
 * transfer was reversed).
 */
public record PayoutFundsReturned(HostWalletId walletId, UserId hostId, PayoutId payoutId, String returnId, Money amount,
                                  PayoutFundsSource from, String reason, List<Posting> postings, Instant returnedAt)
        implements LedgerEvent {

    @Override
    public String reference() {
        return "payout:" + payoutId;
    }
}
