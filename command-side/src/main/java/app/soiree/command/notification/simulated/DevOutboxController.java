package app.soiree.command.notification.simulated;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.Actor;
import app.soiree.api.notification.NotificationChannel;
import app.soiree.command.notification.ChannelSelection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** DEVELOPMENT ONLY: what the simulated senders "sent". Absent (404) when every channel has its real provider. */
@RestController
@Conditional(ChannelSelection.AnySimulated.class)
@Tag(name = "Development: simulated notifications")
class DevOutboxController {

    record OutboxItem(NotificationChannel channel, String to, @Nullable String subject, String body, Instant at) {
    }

    record OutboxPage(List<OutboxItem> items) {
    }

    private final DevOutbox outbox;

    DevOutboxController(DevOutbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/api/dev/outbox")
    @Operation(summary = "DEVELOPMENT ONLY, staff: the emails, SMS and WhatsApp messages the simulated senders recorded, newest "
            + "first (at most 100); filter by recipient (to, exact) and channel")
    OutboxPage outbox(@RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable NotificationChannel channel,
                      Actor actor) {
        if (!actor.isStaff()) {
            throw new SoireeException(ErrorCode.FORBIDDEN, "The dev outbox is for staff");
        }
        return new OutboxPage(outbox.find(normalized(to), channel).stream()
                .map(item -> new OutboxItem(item.channel(), item.to(), item.subject(), item.body(), item.at()))
                .toList());
    }

    /** A {@code +} left unencoded in a query string arrives as a space: {@code ?to=+336...} still means the number. */
    private static @Nullable String normalized(@Nullable String to) {
        if (to == null || to.isBlank()) {
            return null;
        }
        return to.startsWith(" ") && to.strip().chars().allMatch(Character::isDigit) ? "+" + to.strip() : to;
    }
}
