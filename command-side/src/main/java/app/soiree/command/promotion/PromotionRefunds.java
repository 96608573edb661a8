package app.soiree.command.promotion;

import app.soiree.api.gathering.GatheringCancelled;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import app.soiree.api.payout.HostWalletId;
import app.soiree.api.promotion.PromotionId;
import app.soiree.api.promotion.PromotionPaid;
import app.soiree.api.promotion.RefundPromotion;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Refunds the unused share of each promotion of a cancelled gathering, whichever comes first: the payments, or the
 * cancellation (a promotion paid while the cancellation was on its way). It remembers both in its own tables, and asks
 * the host's wallet, which decides the amount from the cancellation's own time (never a clock, so a rebuilt processor
 * asks the same) and refunds each promotion once. One segment, in stream order; a failed refund is retried, never
 * skipped ({@link PromotionConfiguration}), since a skipped one would keep the host's money.
 */
@Component
@ProcessingGroup(PromotionRefunds.PROCESSING_GROUP)
class PromotionRefunds {

    static final String PROCESSING_GROUP = "promotion-refunds";

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;

    PromotionRefunds(JdbcTemplate jdbc, CommandGateway commands) {
        this.jdbc = jdbc;
        this.commands = commands;
    }

    @EventHandler
    void on(PromotionPaid event) {
        jdbc.update("insert into promotion_refund_promotions (promotion_id, gathering_id, host_id) values (?, ?, ?) on conflict do nothing",
                event.promotionId().value(), event.gatheringId().value(), event.hostId().value());
        jdbc.query("select cancelled_at from promotion_refund_cancellations where gathering_id = ?",
                        (rs, row) -> rs.getTimestamp(1).toInstant(), event.gatheringId().value())
                .forEach(cancelledAt -> refund(event.promotionId(), event.hostId(), cancelledAt));
    }

    @EventHandler
    void on(GatheringCancelled event) {
        jdbc.update("insert into promotion_refund_cancellations (gathering_id, cancelled_at) values (?, ?) on conflict do nothing",
                event.gatheringId().value(), Timestamp.from(event.cancelledAt()));
        Instant cancelledAt = cancellationOf(event.gatheringId());
        jdbc.query("select promotion_id, host_id from promotion_refund_promotions where gathering_id = ? order by promotion_id",
                        (rs, row) -> new PaidPromotion(new PromotionId(rs.getObject(1, UUID.class)), new UserId(rs.getObject(2, UUID.class))),
                        event.gatheringId().value())
                .forEach(paid -> refund(paid.promotionId(), paid.hostId(), cancelledAt));
    }

    /** The first cancellation recorded: a gathering is cancelled once, and a redelivery must ask with the same time. */
    private Instant cancellationOf(GatheringId gatheringId) {
        return jdbc.queryForObject("select cancelled_at from promotion_refund_cancellations where gathering_id = ?",
                (rs, row) -> rs.getTimestamp(1).toInstant(), gatheringId.value());
    }

    private void refund(PromotionId promotionId, UserId hostId, Instant cancelledAt) {
        commands.sendAndWait(new RefundPromotion(HostWalletId.forHost(hostId), hostId, promotionId, cancelledAt));
    }

    private record PaidPromotion(PromotionId promotionId, UserId hostId) {
    }
}
