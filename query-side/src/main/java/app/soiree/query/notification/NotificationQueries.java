package app.soiree.query.notification;

import app.soiree.api.identity.UserId;
import app.soiree.api.notification.DeliveryStatus;
import app.soiree.api.notification.FindNotificationsForStaff;
import app.soiree.api.notification.NotificationCategory;
import app.soiree.api.notification.NotificationChannel;
import app.soiree.api.notification.NotificationId;
import app.soiree.api.notification.NotificationKind;
import app.soiree.api.notification.SkipReason;
import app.soiree.api.notification.StaffNotificationPage;
import app.soiree.api.notification.StaffNotificationView;
import app.soiree.api.notification.StaffNotificationView.DeliveryStep;
import app.soiree.api.notification.StaffNotificationView.DeliveryView;
import app.soiree.api.notification.StaffNotificationView.Step;
import app.soiree.query.paging.Cursor;
import app.soiree.query.paging.KeysetPage;
import app.soiree.query.paging.PageLimit;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.queryhandling.QueryHandler;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Support's view of one user's notifications, newest planned first, shown or not, withdrawn included: each with every
 * channel's delivery, where it stands and its whole history (why a channel was skipped and under which preferences, what
 * failed, who resent it). Three statements per page, whatever its size.
 */
@Component
class NotificationQueries {

    private final NamedParameterJdbcTemplate jdbc;
    private final NotificationRows rows;

    NotificationQueries(NamedParameterJdbcTemplate jdbc, NotificationRows rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    @QueryHandler
    StaffNotificationPage handle(FindNotificationsForStaff query) {
        int limit = PageLimit.clamped(query.limit());
        Cursor after = Cursor.decode(query.cursor());
        StringBuilder sql = new StringBuilder("select * from notifications where recipient_id = :recipient");
        MapSqlParameterSource parameters = new MapSqlParameterSource("recipient", query.userId().value())
                .addValue("rows", KeysetPage.rowsToFetch(limit));
        if (after != null) {
            sql.append(" and (created_at, notification_id) < (:at, :id)");
            parameters.addValue("at", Timestamp.from(after.at())).addValue("id", after.id());
        }
        sql.append(" order by created_at desc, notification_id desc limit :rows");
        List<Notification> found = jdbc.query(sql.toString(), parameters, this::notification);
        KeysetPage<Notification> page = KeysetPage.of(found, limit, notification -> new Cursor(notification.createdAt(), notification.id()));
        Map<UUID, List<DeliveryView>> deliveries = deliveries(page.items().stream().map(Notification::id).toList());
        return new StaffNotificationPage(page.items().stream()
                .map(notification -> notification.view(deliveries.getOrDefault(notification.id(), List.of()))).toList(), page.nextCursor());
    }

    private Map<UUID, List<DeliveryView>> deliveries(List<UUID> notificationIds) {
        Map<UUID, List<DeliveryView>> deliveries = new HashMap<>();
        if (notificationIds.isEmpty()) {
            return deliveries;
        }
        MapSqlParameterSource ids = new MapSqlParameterSource("ids", notificationIds);
        Map<String, List<DeliveryStep>> histories = new HashMap<>();
        jdbc.query("select * from notification_delivery_history where notification_id in (:ids) order by at, entry_id", ids,
                row -> {
                    histories.computeIfAbsent(key(row), key -> new ArrayList<>()).add(step(row));
                });
        Map<String, DeliveryView> current = new LinkedHashMap<>();
        jdbc.query("select * from notification_deliveries where notification_id in (:ids) order by channel", ids, row -> {
            String key = key(row);
            UUID resentBy = row.getObject("resent_by", UUID.class);
            current.put(key, new DeliveryView(NotificationChannel.valueOf(row.getString("channel")), DeliveryStatus.valueOf(row.getString("status")),
                    row.getInt("attempt"), row.getString("destination"), resentBy == null ? null : new UserId(resentBy),
                    NotificationRows.required(row, "last_at"), histories.getOrDefault(key, List.of())));
            deliveries.computeIfAbsent(row.getObject("notification_id", UUID.class), id -> new ArrayList<>()).add(current.get(key));
        });
        deliveries.values().forEach(list -> list.sort(Comparator.comparing(DeliveryView::channel)));
        return deliveries;
    }

    private static String key(ResultSet row) throws SQLException {
        return row.getObject("notification_id", UUID.class) + "/" + row.getString("channel");
    }

    private static DeliveryStep step(ResultSet row) throws SQLException {
        String status = row.getString("status");
        String skipReason = row.getString("skip_reason");
        UUID resentBy = row.getObject("resent_by", UUID.class);
        return new DeliveryStep(Step.valueOf(row.getString("step")), status == null ? null : DeliveryStatus.valueOf(status),
                NotificationRows.required(row, "at"), row.getObject("attempt", Integer.class), row.getString("reason"),
                skipReason == null ? null : SkipReason.valueOf(skipReason), row.getObject("preference_version", Long.class),
                row.getString("error_code"), row.getString("provider_status"), row.getString("destination"),
                resentBy == null ? null : new UserId(resentBy), NotificationRows.optional(row, "until"));
    }

    private Notification notification(ResultSet row, int number) throws SQLException {
        return new Notification(row.getObject("notification_id", UUID.class), row.getObject("recipient_id", UUID.class),
                NotificationCategory.valueOf(row.getString("category")), NotificationKind.valueOf(row.getString("kind")), row.getString("title"),
                row.getString("body"), row.getString("link"), rows.data(row.getString("data")), row.getString("language"),
                row.getLong("preference_version"), NotificationRows.required(row, "created_at"), NotificationRows.optional(row, "deliver_at"),
                NotificationRows.optional(row, "visible_at"), NotificationRows.optional(row, "read_at"), row.getBoolean("withdrawn"),
                row.getString("withdrawn_reason"));
    }

    private record Notification(UUID id, UUID recipientId, NotificationCategory category, NotificationKind kind, String title, String body,
                                @Nullable String link, Map<String, String> data, String language, long preferenceVersion,
                                Instant createdAt, @Nullable Instant deliverAt, @Nullable Instant visibleAt,
                                @Nullable Instant readAt, boolean withdrawn, @Nullable String withdrawnReason) {

        StaffNotificationView view(List<DeliveryView> deliveries) {
            return new StaffNotificationView(new NotificationId(id), new UserId(recipientId), category, kind, title, body, link, data, language,
                    preferenceVersion, createdAt, deliverAt, visibleAt, readAt, withdrawn, withdrawnReason, deliveries);
        }
    }
}
