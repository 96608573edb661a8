package app.soiree.query.notification;

import app.soiree.api.identity.Actor;
import app.soiree.query.paging.Cursor;
import app.soiree.query.paging.KeysetPage;
import app.soiree.query.paging.PageLimit;
import app.soiree.query.paging.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's inbox and notification settings, served by the query role from its own read model (no query bus
 * hop: only ever asked for here). Marking read and changing preferences are commands, served by the command role.
 */
@RestController
@Tag(name = "Notifications")
class NotificationController {

    private final NotificationRows rows;
    private final NotificationSettingsRows settings;

    NotificationController(NotificationRows rows, NotificationSettingsRows settings) {
        this.rows = rows;
        this.settings = settings;
    }

    @GetMapping("/api/me/notifications")
    @Operation(summary = "The signed-in user's inbox, newest first",
            description = "Only notifications that reached the inbox (their in-app delivery went out; one planned for later shows "
                    + "then), never a withdrawn one. Newest first by when they reached it; the cursor stays valid while new ones "
                    + "arrive. unreadOnly=true leaves out the read ones. Also pushed live as notification.new.")
    PageResponse<InboxItem> inbox(Actor actor,
                                  @RequestParam(required = false) @Nullable String cursor,
                                  @Parameter(description = "1 to 100, default 20") @RequestParam(required = false) @Min(1)
                                  @Max(PageLimit.MAX) @Nullable Integer limit,
                                  @RequestParam(defaultValue = "false") boolean unreadOnly) {
        KeysetPage<InboxItem> page = rows.inbox(actor.userId(), unreadOnly, Cursor.decode(cursor), PageLimit.validated(limit));
        return new PageResponse<>(page.items(), page.nextCursor());
    }

    @GetMapping("/api/me/notifications/unread-count")
    @Operation(summary = "How many notifications in the signed-in user's inbox are unread",
            description = "Also pushed as unread.total with {scope: \"NOTIFICATIONS\", count} whenever it moves.")
    UnreadCount unreadCount(Actor actor) {
        return new UnreadCount(rows.unread(actor.userId()));
    }

    @GetMapping("/api/me/notification-preferences")
    @Operation(summary = "The signed-in user's notification preferences, with their version, verified number (masked) and consent",
            description = "The defaults (version 0) until the user changes any.")
    NotificationPreferencesView preferences(Actor actor) {
        return settings.preferences(actor.userId());
    }

    record UnreadCount(long count) {
    }
}
