package app.soiree.api.payout;

import app.soiree.api.Money;
import app.soiree.api.identity.UserId;
import app.soiree.api.ledger.LedgerEvent;
import app.soiree.api.ledger.Posting;
import java.time.Instant;
import java.util.List;

/**
 * A payout's amount moved from {@code host:{id}:available} to {@code host:{id}:reserved}, to be sent to
 * {@code destinationAccount} (the host's connected account) once approved.
 */
public record PayoutFundsReserved(HostWalletId walletId, UserId hostId, PayoutId payoutId, Money amount, String destinationAccount,
                                  List<Posting> postings, Instant reservedAt) implements LedgerEvent {

    @Override
    public String reference() {
        return "payout:" + payoutId;
    }
}
