package app.soiree.query.gathering;

import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.GatheringStatus;
import app.soiree.api.gathering.GatheringView;
import app.soiree.api.gathering.RefundPolicy;
import app.soiree.api.gathering.TierView;
import app.soiree.api.gathering.Venue;
import app.soiree.api.identity.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A {@code gatherings} row as read for answering queries; tiers and the host's rating are read separately. */
record GatheringRow(
        UUID id,
        UUID hostId,
        String title,
        String description,
        Instant startsAt,
        Instant endsAt,
        String timezone,
        @Nullable Venue venue,
        boolean online,
        List<String> tags,
        int refundFullHoursBefore,
        GatheringStatus status,
        long ratingSum,
        int ratingCount,
        @Nullable UUID coverMediaId) {

    static final String COLUMNS = """
            id, host_id, title, description, starts_at, ends_at, timezone,
            venue_name, venue_address, venue_latitude, venue_longitude, online, tags,
            refund_full_hours_before, status, rating_sum, rating_count, cover_media_id""";

    static GatheringRow read(ResultSet row, int rowNumber) throws SQLException {
        String venueName = row.getString("venue_name");
        Venue venue = venueName == null ? null : new Venue(venueName, row.getString("venue_address"),
                row.getObject("venue_latitude", Double.class), row.getObject("venue_longitude", Double.class));
        return new GatheringRow(
                row.getObject("id", UUID.class),
                row.getObject("host_id", UUID.class),
                row.getString("title"),
                row.getString("description"),
                instant(row, "starts_at"),
                instant(row, "ends_at"),
                row.getString("timezone"),
                venue,
                row.getBoolean("online"),
                Arrays.asList((String[]) row.getArray("tags").getArray()),
                row.getInt("refund_full_hours_before"),
                GatheringStatus.valueOf(row.getString("status")),
                row.getLong("rating_sum"),
                row.getInt("rating_count"),
                row.getObject("cover_media_id", UUID.class));
    }

    GatheringView toView(List<TierView> tiers, @Nullable Double hostRating) {
        return new GatheringView(new GatheringId(id), new UserId(hostId), title, description, startsAt, endsAt, timezone, venue,
                online, List.copyOf(tags), tiers, new RefundPolicy(refundFullHoursBefore), status, Ratings.average(ratingSum, ratingCount),
                ratingCount, hostRating, coverMediaId);
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }
}
