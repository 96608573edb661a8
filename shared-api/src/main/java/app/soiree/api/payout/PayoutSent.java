package app.soiree.api.payout;

import app.soiree.api.Money;
import app.soiree.api.identity.UserId;
import app.soiree.api.ledger.LedgerEvent;
import app.soiree.api.ledger.Posting;
import java.time.Instant;
import java.util.List;

/**
 * The payout is on its way: {@code host:{id}:reserved → platform:payouts-in-transit}. The transfer to
 * {@code destinationAccount} is asked of the provider next, with the payout id as idempotency key.
 */
public record PayoutSent(PayoutId payoutId, UserId hostId, Money amount, String destinationAccount, List<Posting> postings,
                         Instant sentAt) implements LedgerEvent {

    @Override
    public String reference() {
        return "payout:" + payoutId;
    }
}
