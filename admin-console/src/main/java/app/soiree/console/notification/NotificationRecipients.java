package app.soiree.console.notification;

import app.soiree.api.identity.FindUserByEmail;
import app.soiree.api.identity.FindUserProfile;
import app.soiree.api.identity.UserId;
import app.soiree.api.identity.UserProfileView;
import app.soiree.api.notification.FindNotificationsForStaff;
import app.soiree.api.notification.StaffNotificationPage;
import app.soiree.api.notification.StaffNotificationView;
import app.soiree.console.platform.KeysetPager;
import app.soiree.console.platform.Ids;
import app.soiree.console.platform.StaffQueries;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The user support asks about, by email or id, and their notifications a page at a time. Queries only. */
@Component
class NotificationRecipients {

    static final int MAX_TERM_LENGTH = 254;

    private final StaffQueries queries;

    NotificationRecipients(StaffQueries queries) {
        this.queries = queries;
    }

    /** The user named by an email or a user id; none for anything else. */
    Optional<UserProfileView> find(String term) {
        String text = term.strip();
        if (text.isEmpty() || text.length() > MAX_TERM_LENGTH) {
            return Optional.empty();
        }
        Optional<UUID> id = Ids.uuid(text);
        if (id.isPresent()) {
            return Optional.ofNullable(queries.ask(new FindUserProfile(new UserId(id.get())), UserProfileView.class));
        }
        if (text.contains("@")) {
            return Optional.ofNullable(queries.ask(new FindUserByEmail(text), UserProfileView.class));
        }
        return Optional.empty();
    }

    KeysetPager.Page<StaffNotificationView> page(UserId userId, @Nullable String cursor, int limit) {
        StaffNotificationPage page = queries.ask(new FindNotificationsForStaff(userId, cursor, limit), StaffNotificationPage.class);
        return page == null ? new KeysetPager.Page<>(List.of(), null) : new KeysetPager.Page<>(page.items(), page.nextCursor());
    }
}
