package app.soiree.command.notification;

import app.soiree.api.notification.FindSkippedNotificationEvents;
import app.soiree.api.notification.SkippedNotificationEvents;
import app.soiree.api.notification.SkippedNotificationEvents.Skipped;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** What {@link NotificationStepFailures} wrote down, for staff: nobody else would learn of it but from the log. */
@Component
class SkippedNotificationEventQueries {

    private final JdbcTemplate jdbc;

    SkippedNotificationEventQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    SkippedNotificationEvents handle(FindSkippedNotificationEvents query) {
        int limit = Math.clamp(query.limit(), 1, FindSkippedNotificationEvents.MAX_LIMIT);
        long[] total = {0}; // counted by the same statement, before its limit
        List<Skipped> newest = jdbc.query("""
                        select processing_group, event_id, event_type, failures, error, skipped_at, count(*) over () as total
                        from notification_skipped_events order by skipped_at desc, processing_group, event_id limit ?""",
                (row, index) -> {
                    total[0] = row.getLong("total");
                    return new Skipped(row.getString("processing_group"), row.getString("event_id"), row.getString("event_type"),
                            row.getInt("failures"), row.getString("error"), row.getTimestamp("skipped_at").toInstant());
                }, limit);
        return new SkippedNotificationEvents(newest, total[0]);
    }
}
