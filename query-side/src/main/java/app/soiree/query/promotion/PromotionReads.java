package app.soiree.query.promotion;

import app.soiree.api.Money;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import app.soiree.api.promotion.FeaturedGatheringList;
import app.soiree.api.promotion.FeaturedGatheringView;
import app.soiree.api.promotion.FindFeaturedGatherings;
import app.soiree.api.promotion.PromotionId;
import app.soiree.api.promotion.PromotionStatus;
import app.soiree.api.promotion.PromotionView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads of the two tables: support's features (through the query bus, for the console) and a gathering's promotions. */
@Component
class PromotionReads {

    /** A gathering has few promotions; this bounds a page all the same. */
    static final int MAX_PROMOTIONS = 200;

    private final JdbcTemplate jdbc;

    PromotionReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    FeaturedGatheringList handle(FindFeaturedGatherings query) {
        return new FeaturedGatheringList(jdbc.query("""
                        select gathering_id, featured_from, featured_until, featured_by, featured_at from featured_gatherings
                        where featured_until > ? order by featured_from, gathering_id limit ?""",
                (rs, row) -> new FeaturedGatheringView(new GatheringId(rs.getObject("gathering_id", UUID.class)), instant(rs, "featured_from"),
                        instant(rs, "featured_until"), new UserId(rs.getObject("featured_by", UUID.class)), instant(rs, "featured_at")),
                Timestamp.from(query.now()), query.limit()));
    }

    /** The gathering's promotions, oldest first, with their status as of {@code now}. */
    List<PromotionView> promotionsOf(GatheringId gatheringId, Instant now) {
        return jdbc.query("""
                        select promotion_id, budget_minor, currency, promoted_from, promoted_until, status, refunded_minor
                        from gathering_promotions where gathering_id = ? order by paid_at, promotion_id limit ?""",
                (rs, row) -> {
                    Instant from = instant(rs, "promoted_from");
                    Instant until = instant(rs, "promoted_until");
                    boolean refunded = rs.getString("status").equals("REFUNDED");
                    String currency = rs.getString("currency");
                    return new PromotionView(new PromotionId(rs.getObject("promotion_id", UUID.class)),
                            Money.of(rs.getLong("budget_minor"), currency), from, until, statusOf(refunded, from, until, now),
                            refunded ? Money.of(rs.getLong("refunded_minor"), currency) : null);
                }, gatheringId.value(), MAX_PROMOTIONS);
    }

    static PromotionStatus statusOf(boolean refunded, Instant from, Instant until, Instant now) {
        if (refunded) {
            return PromotionStatus.REFUNDED;
        }
        if (now.isBefore(from)) {
            return PromotionStatus.SCHEDULED;
        }
        return now.isBefore(until) ? PromotionStatus.ACTIVE : PromotionStatus.ENDED;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }
}
