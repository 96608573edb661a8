package app.soiree.command.notification;

import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The gatherings and bookings the planner talks about ({@code notification_gatherings}, {@code notification_bookings}). */
@Component
class Gatherings {

    record Gathering(GatheringId gatheringId, UserId hostId, String title, Instant startsAt, String timezone, @Nullable String venue,
                     String status) {

        /** What the texts say about it, and where a click leads. */
        Map<String, String> data() {
            Map<String, String> data = new HashMap<>();
            data.put("gatheringId", gatheringId.toString());
            data.put("gatheringTitle", title);
            data.put("startsAt", startsAt.toString());
            data.put("timezone", timezone);
            if (venue != null) {
                data.put("venue", venue);
            }
            return data;
        }

        String link() {
            return "/gatherings/" + gatheringId;
        }
    }

    private final JdbcTemplate jdbc;

    Gatherings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Gathering> find(GatheringId gatheringId) {
        return jdbc.query("select * from notification_gatherings where gathering_id = ?", (rs, row) -> new Gathering(
                        new GatheringId(rs.getObject("gathering_id", UUID.class)), new UserId(rs.getObject("host_id", UUID.class)),
                        rs.getString("title"), rs.getTimestamp("starts_at").toInstant(), rs.getString("timezone"), rs.getString("venue"),
                        rs.getString("status")), gatheringId.value()).stream().findFirst();
    }

    /** Guests with a confirmed booking, once each. */
    List<UserId> confirmedGuests(GatheringId gatheringId) {
        return jdbc.query("select distinct guest_id from notification_bookings where gathering_id = ? and confirmed",
                (rs, row) -> new UserId(rs.getObject(1, UUID.class)), gatheringId.value());
    }

    Optional<UserId> guestOf(UUID bookingId) {
        return jdbc.query("select guest_id from notification_bookings where booking_id = ?",
                (rs, row) -> new UserId(rs.getObject(1, UUID.class)), bookingId).stream().findFirst();
    }
}
