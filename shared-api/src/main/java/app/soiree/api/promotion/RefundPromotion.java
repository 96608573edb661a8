package app.soiree.api.promotion;

import app.soiree.api.identity.UserId;
import app.soiree.api.payout.HostWalletId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Gives back the share of a paid promotion's window that the gathering's cancellation at {@code cancelledAt} left
 * unused. Refunds once per promotion, whatever the times asked.
 */
public record RefundPromotion(@TargetAggregateIdentifier HostWalletId walletId, UserId hostId, PromotionId promotionId,
                              Instant cancelledAt) {
}
