package app.soiree.api.promotion;

import app.soiree.api.Money;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import app.soiree.api.ledger.LedgerEvent;
import app.soiree.api.ledger.Posting;
import app.soiree.api.payout.HostWalletId;
import java.time.Instant;
import java.util.List;

/** The unused share of a promotion moved back from {@code platform:promotions} to {@code host:{id}:available}. */
public record PromotionRefunded(HostWalletId walletId, UserId hostId, PromotionId promotionId, GatheringId gatheringId, Money amount,
                                Instant cancelledAt, List<Posting> postings, Instant refundedAt) implements LedgerEvent {

    @Override
    public String reference() {
        return "promotion:" + promotionId;
    }
}
