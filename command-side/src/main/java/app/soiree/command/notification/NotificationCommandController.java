package app.soiree.command.notification;

import app.soiree.api.identity.Actor;
import app.soiree.api.notification.MarkAllNotificationsRead;
import app.soiree.api.notification.MarkNotificationRead;
import app.soiree.api.notification.NotificationChannel;
import app.soiree.api.notification.NotificationId;
import app.soiree.api.notification.ResendNotification;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The inbox's writes (read, read all) and support's resend. The inbox itself is read from the query side. */
@RestController
@Tag(name = "Notifications")
class NotificationCommandController {

    private final CommandGateway commands;
    private final Clock clock;

    NotificationCommandController(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping("/api/me/notifications/{notificationId}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Mark one of the caller's notifications read (404 for anyone else's)")
    void read(@PathVariable NotificationId notificationId, Actor actor) {
        commands.sendAndWait(new MarkNotificationRead(notificationId, actor.userId()));
    }

    @PostMapping("/api/me/notifications/read-all")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Mark every notification the caller has so far read")
    void readAll(Actor actor) {
        commands.sendAndWait(new MarkAllNotificationsRead(actor.userId(), clock.instant()));
    }

    record ResendRequest(@NotNull NotificationChannel channel) {
    }

    @PostMapping("/api/staff/notifications/{notificationId}/resend")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasRole('SUPPORT')")
    @Operation(summary = "Send a notification again on one channel (email, SMS, WhatsApp), in the caller's name")
    void resend(@PathVariable NotificationId notificationId, @Valid @RequestBody ResendRequest request, Actor actor) {
        commands.sendAndWait(new ResendNotification(notificationId, request.channel(), actor.userId()));
    }
}
