package app.soiree.api.promotion;

import app.soiree.api.Money;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import app.soiree.api.ledger.LedgerEvent;
import app.soiree.api.ledger.Posting;
import app.soiree.api.payout.HostWalletId;
import java.time.Instant;
import java.util.List;

/** The budget moved from {@code host:{id}:available} to the platform's revenue {@code platform:promotions}. */
public record PromotionPaid(HostWalletId walletId, UserId hostId, PromotionId promotionId, GatheringId gatheringId, Money budget,
                            Instant from, Instant until, List<Posting> postings, Instant paidAt) implements LedgerEvent {

    @Override
    public String reference() {
        return "promotion:" + promotionId;
    }
}
