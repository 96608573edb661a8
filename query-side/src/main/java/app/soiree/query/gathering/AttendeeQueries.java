package app.soiree.query.gathering;

import app.soiree.api.gathering.AttendeePage;
import app.soiree.api.gathering.AttendeeView;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.BookingStatus;
import app.soiree.api.gathering.FindAttendees;
import app.soiree.api.gathering.TierId;
import app.soiree.api.identity.UserId;
import app.soiree.query.paging.Cursor;
import app.soiree.query.paging.KeysetPage;
import app.soiree.query.paging.PageLimit;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.axonframework.queryhandling.QueryHandler;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A gathering's bookings in the order they were made, for its host. Holds that lapsed are left out:
 * they never became attendance. Names come from the identity projection's {@code user_profiles}.
 */
@Component
class AttendeeQueries {

    private final JdbcClient jdbc;

    AttendeeQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    @Nullable AttendeePage handle(FindAttendees query) {
        if (!isHost(query)) {
            return null;
        }
        int limit = PageLimit.clamped(query.limit());
        Cursor after = Cursor.decode(query.cursor());
        String sql = """
                select b.booking_id, b.guest_id, coalesce(p.display_name, '') as display_name, b.tier_id, b.quantity,
                       b.status, b.checked_in, b.created_at
                from bookings b left join user_profiles p on p.user_id = b.guest_id
                where b.gathering_id = :gatheringId and b.status <> :expired
                """ + (after == null ? "" : " and (b.created_at, b.booking_id) > (:afterCreatedAt, :afterId)") + """
                 order by b.created_at, b.booking_id limit :rows""";
        JdbcClient.StatementSpec statement = jdbc.sql(sql)
                .param("gatheringId", query.gatheringId().value())
                .param("expired", BookingStatus.EXPIRED.name())
                .param("rows", KeysetPage.rowsToFetch(limit));
        if (after != null) {
            statement = statement.param("afterCreatedAt", after.at().atOffset(ZoneOffset.UTC)).param("afterId", after.id());
        }
        List<AttendeeRow> rows = statement.query((row, number) -> new AttendeeRow(
                new AttendeeView(new BookingId(row.getObject("booking_id", UUID.class)), new UserId(row.getObject("guest_id", UUID.class)),
                        row.getString("display_name"), new TierId(row.getObject("tier_id", UUID.class)), row.getInt("quantity"),
                        BookingStatus.valueOf(row.getString("status")), row.getBoolean("checked_in")),
                GatheringRow.instant(row, "created_at"))).list();
        KeysetPage<AttendeeRow> page = KeysetPage.of(rows, limit, row -> new Cursor(row.createdAt(), row.attendee().bookingId().value()));
        return new AttendeePage(page.items().stream().map(AttendeeRow::attendee).toList(), page.nextCursor());
    }

    private boolean isHost(FindAttendees query) {
        return jdbc.sql("select host_id from gatherings where id = :id")
                .param("id", query.gatheringId().value())
                .query(UUID.class)
                .optional()
                .filter(hostId -> hostId.equals(query.requestedBy().value()))
                .isPresent();
    }

    private record AttendeeRow(AttendeeView attendee, Instant createdAt) {
    }
}
