package app.soiree.query.privacy;

import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.UserId;
import app.soiree.query.privacy.PersonalData.Profile;
import app.soiree.query.privacy.PersonalData.Relationships;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gathers one user's personal data from the read models of every context, always by the user's own id, so another
 * user's data cannot slip in through a parameter. Each list is bounded: a list longer than
 * {@link #MAX_ROWS_PER_SECTION} is cut and named in {@code truncatedSections}, never silently shortened.
 */
@Component
class DataExport {

    /** Far above what a person makes; a bound, so that one export cannot take the server's memory. */
    static final int MAX_ROWS_PER_SECTION = 50_000;

    private final AccountData account;
    private final MoneyData money;
    private final SocialData social;
    private final ContentData content;
    private final NotificationData notifications;
    private final Clock clock;

    DataExport(AccountData account, MoneyData money, SocialData social, ContentData content, NotificationData notifications, Clock clock) {
        this.account = account;
        this.money = money;
        this.social = social;
        this.content = content;
        this.notifications = notifications;
        this.clock = clock;
    }

    /**
     * Read in one repeatable-read transaction: every section sees the read models at the same moment, so a payment is
     * never exported without the booking it belongs to while projections keep writing.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    PersonalData of(UserId userId) {
        // The profile's projection may lag a moment behind a registration; until it has the user there is nothing to export.
        Profile profile = account.profile(userId).orElseThrow(() -> SoireeException.notFound("User " + userId));
        Sections sections = new Sections();
        Relationships relationships = new Relationships(
                sections.read("relationships.following", limit -> social.following(userId, limit)),
                sections.read("relationships.followers", limit -> social.followers(userId, limit)),
                sections.read("relationships.blocked", limit -> social.blocked(userId, limit)),
                sections.read("relationships.bannedGuests", limit -> social.bannedGuests(userId, limit)));
        return new PersonalData(userId, clock.instant(), profile, account.notificationSettings(userId),
                sections.read("bookings", limit -> money.bookings(userId, limit)),
                sections.read("payments", limit -> money.payments(userId, limit)),
                sections.read("refunds", limit -> money.refunds(userId, limit)),
                sections.read("payouts", limit -> money.payouts(userId, limit)),
                relationships,
                sections.read("messages", limit -> content.messages(userId, limit)),
                sections.read("notifications", limit -> notifications.received(userId, limit)),
                sections.read("media", limit -> content.media(userId, limit)),
                sections.read("reports", limit -> content.reports(userId, limit)),
                sections.read("reviews", limit -> content.reviews(userId, limit)),
                sections.read("hostedGatherings", limit -> content.hostedGatherings(userId, limit)),
                sections.truncated());
    }

    /** Reads each list one row past the bound, which tells a whole list from one that had to be cut. */
    private static final class Sections {

        private final List<String> truncated = new ArrayList<>();

        <T> List<T> read(String name, IntFunction<List<T>> reader) {
            List<T> rows = reader.apply(MAX_ROWS_PER_SECTION + 1);
            if (rows.size() <= MAX_ROWS_PER_SECTION) {
                return rows;
            }
            truncated.add(name);
            return List.copyOf(rows.subList(0, MAX_ROWS_PER_SECTION));
        }

        List<String> truncated() {
            return List.copyOf(truncated);
        }
    }
}
