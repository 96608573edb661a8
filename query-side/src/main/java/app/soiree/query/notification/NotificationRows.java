package app.soiree.query.notification;

import app.soiree.api.identity.UserId;
import app.soiree.api.notification.NotificationCategory;
import app.soiree.api.notification.NotificationId;
import app.soiree.api.notification.NotificationKind;
import app.soiree.query.paging.Cursor;
import app.soiree.query.paging.KeysetPage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads of the inbox: a recipient's page, one item, unread counts. Only what reached the inbox and was not withdrawn. */
@Component
class NotificationRows {

    private static final TypeReference<Map<String, String>> DATA = new TypeReference<>() {
    };
    private static final String SHOWN = "visible_at is not null and not withdrawn";
    private static final String ITEM = "select notification_id, category, kind, title, body, link, data, created_at, visible_at, read_at "
            + "from notifications";

    private final NamedParameterJdbcTemplate jdbc;
    private final JsonMapper json;

    NotificationRows(NamedParameterJdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Newest in the inbox first; {@code after}: the cursor of the previous page. The sort key never changes once set. */
    KeysetPage<InboxItem> inbox(UserId recipient, boolean unreadOnly, @Nullable Cursor after, int limit) {
        StringBuilder sql = new StringBuilder(ITEM).append(" where recipient_id = :recipient and ").append(SHOWN);
        MapSqlParameterSource parameters = new MapSqlParameterSource("recipient", recipient.value())
                .addValue("rows", KeysetPage.rowsToFetch(limit));
        if (unreadOnly) {
            sql.append(" and read_at is null");
        }
        if (after != null) {
            sql.append(" and (visible_at, notification_id) < (:at, :id)");
            parameters.addValue("at", Timestamp.from(after.at())).addValue("id", after.id());
        }
        sql.append(" order by visible_at desc, notification_id desc limit :rows");
        return KeysetPage.of(jdbc.query(sql.toString(), parameters, this::item), limit,
                item -> new Cursor(item.shownAt(), item.notificationId().value()));
    }

    Optional<InboxItem> shown(NotificationId notificationId) {
        return jdbc.query(ITEM + " where notification_id = :id and " + SHOWN, new MapSqlParameterSource("id", notificationId.value()), this::item)
                .stream().findFirst();
    }

    long unread(UserId recipient) {
        return unread(java.util.List.of(recipient.value())).getOrDefault(recipient.value(), 0L);
    }

    /** Every one of {@code recipients} with their count, 0 included. */
    Map<UUID, Long> unread(Collection<UUID> recipients) {
        Map<UUID, Long> counts = new HashMap<>();
        recipients.forEach(recipient -> counts.put(recipient, 0L));
        if (recipients.isEmpty()) {
            return counts;
        }
        jdbc.query("select recipient_id, count(*) as unread from notifications where recipient_id in (:recipients) and " + SHOWN
                        + " and read_at is null group by recipient_id", new MapSqlParameterSource("recipients", recipients),
                row -> {
                    counts.put(row.getObject("recipient_id", UUID.class), row.getLong("unread"));
                });
        return counts;
    }

    Map<String, String> data(@Nullable String column) {
        return column == null ? Map.of() : json.readValue(column, DATA);
    }

    String dataJson(Map<String, String> data) {
        return json.writeValueAsString(data);
    }

    private InboxItem item(ResultSet row, int number) throws SQLException {
        return new InboxItem(new NotificationId(row.getObject("notification_id", UUID.class)),
                NotificationCategory.valueOf(row.getString("category")), NotificationKind.valueOf(row.getString("kind")),
                row.getString("title"), row.getString("body"), row.getString("link"), data(row.getString("data")),
                required(row, "created_at"), required(row, "visible_at"), optional(row, "read_at"));
    }

    static Instant required(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }

    static @Nullable Instant optional(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
