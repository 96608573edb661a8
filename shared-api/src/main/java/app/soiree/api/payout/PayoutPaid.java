package app.soiree.api.payout;

import app.soiree.api.Money;
import app.soiree.api.identity.UserId;
import app.soiree.api.ledger.LedgerEvent;
import app.soiree.api.ledger.Posting;
import java.time.Instant;
import java.util.List;

/** The provider moved the money to the host's account: {@code platform:payouts-in-transit → platform:stripe}. */
public record PayoutPaid(PayoutId payoutId, UserId hostId, Money amount, String transferReference, List<Posting> postings,
                         Instant paidAt) implements LedgerEvent {

    @Override
    public String reference() {
        return "payout:" + payoutId;
    }
}
