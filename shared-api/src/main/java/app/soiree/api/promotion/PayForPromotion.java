package app.soiree.api.promotion;

import app.soiree.api.Money;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import app.soiree.api.payout.HostWalletId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Pays a promotion's budget from the host's available balance: 400 for a budget outside
 * {@link PromotionLimits} or a window out of order, 422 {@code INSUFFICIENT_FUNDS} beyond what is available.
 * The same promotion asked again changes nothing; asked with other terms, it is a conflict.
 */
public record PayForPromotion(@TargetAggregateIdentifier HostWalletId walletId, UserId hostId, PromotionId promotionId,
                              GatheringId gatheringId, Money budget, Instant from, Instant until) {
}
