package app.soiree.query.promotion;

import app.soiree.api.promotion.GatheringFeatured;
import app.soiree.api.promotion.GatheringUnfeatured;
import app.soiree.api.promotion.PromotionPaid;
import app.soiree.api.promotion.PromotionRefunded;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code featured_gatherings} and {@code gathering_promotions}. Every handler may run again for the same event
 * and leave the same rows: a feature is written whole (the latest window replaces the earlier), a removal deletes, a
 * payment is inserted once, a refund sets what was refunded rather than adding to it. One segment keeps a
 * gathering's features in stream order.
 */
@Component
@ProcessingGroup(PromotionProjection.PROCESSING_GROUP)
class PromotionProjection {

    static final String PROCESSING_GROUP = "promotion-views";

    private final JdbcTemplate jdbc;

    PromotionProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(GatheringFeatured event) {
        jdbc.update("""
                insert into featured_gatherings (gathering_id, featured_from, featured_until, featured_by, featured_at) values (?, ?, ?, ?, ?)
                on conflict (gathering_id) do update set featured_from = excluded.featured_from, featured_until = excluded.featured_until,
                    featured_by = excluded.featured_by, featured_at = excluded.featured_at""",
                event.gatheringId().value(), at(event.from()), at(event.until()), event.featuredBy().value(), at(event.featuredAt()));
    }

    @EventHandler
    void on(GatheringUnfeatured event) {
        jdbc.update("delete from featured_gatherings where gathering_id = ?", event.gatheringId().value());
    }

    @EventHandler
    void on(PromotionPaid event) {
        jdbc.update("""
                insert into gathering_promotions (promotion_id, gathering_id, host_id, budget_minor, currency, promoted_from, promoted_until,
                    status, paid_at) values (?, ?, ?, ?, ?, ?, ?, 'PAID', ?)
                on conflict (promotion_id) do nothing""",
                event.promotionId().value(), event.gatheringId().value(), event.hostId().value(), event.budget().amountMinor(),
                event.budget().currency().getCurrencyCode(), at(event.from()), at(event.until()), at(event.paidAt()));
    }

    @EventHandler
    void on(PromotionRefunded event) {
        jdbc.update("update gathering_promotions set status = 'REFUNDED', refunded_minor = ?, refunded_at = ? where promotion_id = ?",
                event.amount().amountMinor(), at(event.refundedAt()), event.promotionId().value());
    }

    private static Timestamp at(Instant instant) {
        return Timestamp.from(instant);
    }
}
