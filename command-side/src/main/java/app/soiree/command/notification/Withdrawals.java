package app.soiree.command.notification;

import app.soiree.api.notification.NotificationId;
import app.soiree.api.notification.WithdrawNotification;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Notifications planned ahead, by the cause whose end withdraws them ({@code notification_withdrawals}). */
@Component
class Withdrawals {

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;

    Withdrawals(JdbcTemplate jdbc, CommandGateway commands) {
        this.jdbc = jdbc;
        this.commands = commands;
    }

    void remember(String cause, NotificationId notificationId) {
        jdbc.update("insert into notification_withdrawals (cause, notification_id) values (?, ?) on conflict do nothing", cause,
                notificationId.value());
    }

    /**
     * Withdraws what was planned for {@code cause}; withdrawing twice is harmless. The rows are taken in the statement that
     * finds them (every confirmed booking asks, mostly to find none); should a withdrawal fail, the processor's batch rolls
     * back with them, and its retry finds them again.
     */
    void withdraw(String cause, String reason) {
        List<UUID> ids = jdbc.queryForList("delete from notification_withdrawals where cause = ? returning notification_id", UUID.class, cause);
        for (UUID id : ids) {
            commands.sendAndWait(new WithdrawNotification(new NotificationId(id), reason));
        }
    }
}
