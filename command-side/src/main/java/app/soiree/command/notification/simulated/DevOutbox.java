package app.soiree.command.notification.simulated;

import app.soiree.api.RandomUuids;
import app.soiree.api.notification.NotificationChannel;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the simulated senders "sent", newest first. */
public final class DevOutbox {

    /** The most a read answers: the outbox of a long-running development server grows without bound. */
    static final int MAX_ITEMS = 100;

    public record Item(NotificationChannel channel, String to, @Nullable String subject, String body, String messageId, Instant at) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    DevOutbox(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @return the simulated provider's id for the message */
    String record(NotificationChannel channel, String to, @Nullable String subject, String body) {
        String messageId = "sim-" + RandomUuids.next();
        jdbc.update("insert into dev_outbox (channel, recipient, subject, body, message_id, sent_at) values (?, ?, ?, ?, ?, ?)",
                channel.name(), to, subject, body, messageId, Timestamp.from(clock.instant()));
        return messageId;
    }

    List<Item> find(@Nullable String to, @Nullable NotificationChannel channel) {
        return jdbc.query("""
                select channel, recipient, subject, body, message_id, sent_at from dev_outbox
                where (cast(? as text) is null or recipient = ?) and (cast(? as text) is null or channel = ?)
                order by id desc limit ?""",
                (rs, row) -> new Item(NotificationChannel.valueOf(rs.getString("channel")), rs.getString("recipient"),
                        rs.getString("subject"), rs.getString("body"), rs.getString("message_id"),
                        rs.getTimestamp("sent_at").toInstant()),
                to, to, channel == null ? null : channel.name(), channel == null ? null : channel.name(), MAX_ITEMS);
    }
}
