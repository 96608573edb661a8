package app.soiree.query.gathering;

import app.soiree.api.gathering.FindReviews;
import app.soiree.api.gathering.ReviewPage;
import app.soiree.api.gathering.ReviewView;
import app.soiree.api.identity.UserId;
import app.soiree.query.paging.Cursor;
import app.soiree.query.paging.KeysetPage;
import app.soiree.query.paging.PageLimit;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A gathering's reviews, newest first. */
@Component
class ReviewQueries {

    private final JdbcClient jdbc;

    ReviewQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    ReviewPage handle(FindReviews query) {
        int limit = PageLimit.clamped(query.limit());
        Cursor before = Cursor.decode(query.cursor());
        String sql = "select guest_id, rating, text, created_at from reviews where gathering_id = :gatheringId"
                + (before == null ? "" : " and (created_at, guest_id) < (:beforeCreatedAt, :beforeGuestId)")
                + " order by created_at desc, guest_id desc limit :rows";
        JdbcClient.StatementSpec statement = jdbc.sql(sql)
                .param("gatheringId", query.gatheringId().value())
                .param("rows", KeysetPage.rowsToFetch(limit));
        if (before != null) {
            statement = statement.param("beforeCreatedAt", before.at().atOffset(ZoneOffset.UTC)).param("beforeGuestId", before.id());
        }
        List<ReviewView> rows = statement.query((row, number) -> new ReviewView(new UserId(row.getObject("guest_id", UUID.class)),
                row.getInt("rating"), row.getString("text"), GatheringRow.instant(row, "created_at"))).list();
        KeysetPage<ReviewView> page = KeysetPage.of(rows, limit, review -> new Cursor(review.createdAt(), review.guestId().value()));
        return new ReviewPage(page.items(), page.nextCursor());
    }
}
