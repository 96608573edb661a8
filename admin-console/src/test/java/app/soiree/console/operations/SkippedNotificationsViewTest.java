package app.soiree.console.operations;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.notification.FindSkippedNotificationEvents;
import app.soiree.api.notification.SkippedNotificationEvents.Skipped;
import app.soiree.console.layout.AccessDeniedView;
import app.soiree.console.support.ConsoleViewTest;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/** Support sees the notification events given up on, newest first, with their processor, event, failures and error. */
@WithMockUser(username = ConsoleViewTest.STAFF_ID, roles = "SUPPORT")
class SkippedNotificationsViewTest extends ConsoleViewTest {

    static final Instant T0 = Instant.parse("2026-12-04T08:00:00Z");

    @Autowired
    TestSkippedNotifications skippedEvents;

    @BeforeEach
    void nothingSkipped() {
        skippedEvents.reset();
    }

    @Test
    void eachSkippedEventIsListedNewestFirstWithWhatFailed() {
        skippedEvents.skip(new Skipped("notifications", "event-1", "app.soiree.api.gathering.SeatsConfirmed", 10,
                "IllegalStateException: no gathering 9e11", T0));
        skippedEvents.skip(new Skipped("notification-delivery", "event-2", "app.soiree.api.notification.DeliveryDue", 10,
                "EmptyResultDataAccessException: " + "x".repeat(400), T0.plusSeconds(60)));

        SkippedNotificationsView view = navigate(SkippedNotificationsView.class);

        assertThat(skippedEvents.asked).extracting(FindSkippedNotificationEvents::limit).containsExactly(SkippedNotificationsView.SHOWN);
        assertThat(test(view.skipped).size()).isEqualTo(2);
        assertThat(test(view.skipped).getCellText(0, 0)).isEqualTo("2026-12-04 08:01:00 UTC");
        assertThat(test(view.skipped).getCellText(0, 1)).isEqualTo("notification-delivery");
        assertThat(test(view.skipped).getCellText(0, 2)).isEqualTo("DeliveryDue");
        assertThat(test(view.skipped).getCellText(0, 3)).isEqualTo("event-2");
        assertThat(test(view.skipped).getCellText(0, 4)).isEqualTo("10");
        assertThat(test(view.skipped).getCellText(0, 5)).startsWith("EmptyResultDataAccessException: ");
        assertThat(test(view.skipped).getCellText(0, 5).length()).isLessThanOrEqualTo(ParkedEventsView.ERROR_SHOWN_CHARACTERS);
        assertThat(test(view.skipped).getCellText(1, 2)).isEqualTo("SeatsConfirmed");
        assertThat(view.summary.getText()).isEqualTo("2 skipped event(s).");
    }

    @Test
    void nothingSkippedSaysSoAndRefreshShowsWhatWasSkippedSince() {
        SkippedNotificationsView view = navigate(SkippedNotificationsView.class);
        assertThat(test(view.skipped).size()).isZero();
        assertThat(view.summary.getText()).isEqualTo("Nothing was skipped.");

        skippedEvents.skip(new Skipped("notifications", "event-3", "app.soiree.api.gathering.GatheringCancelled", 10, "boom", T0));
        test(view.refresh).click();

        assertThat(test(view.skipped).size()).isEqualTo(1);
        assertThat(view.summary.getText()).isEqualTo("1 skipped event(s).");
    }

    @Test
    void whenThereAreMoreThanItShowsItSaysHowManyInAll() {
        for (int i = 0; i <= SkippedNotificationsView.SHOWN; i++) {
            skippedEvents.skip(new Skipped("notifications", "event-" + i, "app.soiree.api.gathering.SeatsConfirmed", 10, "boom",
                    T0.plusSeconds(i)));
        }

        SkippedNotificationsView view = navigate(SkippedNotificationsView.class);

        assertThat(test(view.skipped).size()).isEqualTo(SkippedNotificationsView.SHOWN);
        assertThat(test(view.skipped).getCellText(0, 3)).isEqualTo("event-" + SkippedNotificationsView.SHOWN);
        assertThat(view.summary.getText()).isEqualTo("The newest 200 of 201 skipped events.");
    }

    @Test
    @WithMockUser(username = ConsoleViewTest.STAFF_ID, roles = {"FINANCE", "ADMIN"})
    void staffWithoutSupportCannotOpenIt() {
        navigate("operations/skipped-notifications", AccessDeniedView.class);
        assertThat($(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList()).doesNotContain("Skipped notifications");
    }
}
