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

    /** Withdraws what was planned for {@code cause}; withdrawing twice is harmless. */
    void withdraw(String cause, String reason) {
        List<UUID> ids = jdbc.queryForList("select notification_id from notification_withdrawals where cause = ?", UUID.class, cause);
        for (UUID id : ids) {
            commands.sendAndWait(new WithdrawNotification(new NotificationId(id), reason));
        }
        jdbc.update("delete from notification_withdrawals where cause = ?", cause);
    }
}
