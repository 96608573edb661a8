package app.soiree.console.operations;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.operations.ParkedEventView;
import app.soiree.console.support.ConsoleViewTest;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextArea;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/** Parked events are listed oldest first with their error; retry and drop go through a confirmation, in the staff member's name. */
@WithMockUser(username = ConsoleViewTest.STAFF_ID, roles = "SUPPORT")
class ParkedEventsViewTest extends ConsoleViewTest {

    static final String USER = "7d0c0000-0000-4000-8000-00000000000a";
    static final String GATHERING = "9e110000-0000-4000-8000-00000000000b";

    @Autowired
    TestParkedEvents parkedEvents;

    @BeforeEach
    void aUserAndAGatheringParked() {
        parkedEvents.reset();
        parkedEvents.park("user-profiles", USER, "app.soiree.api.identity.UserRegistered", 0);
        parkedEvents.park("gatherings", GATHERING, "app.soiree.api.gathering.GatheringCreated", 1);
    }

    @Test
    void theListShowsEachParkedEventWithItsProjectionAggregateAndError() {
        ParkedEventsView view = navigate(ParkedEventsView.class);

        assertThat(test(view.parked).size()).isEqualTo(3);
        assertThat(test(view.parked).getCellText(0, 0)).isEqualTo("2026-11-21 08:00:00 UTC");
        assertThat(test(view.parked).getCellText(0, 1)).isEqualTo("user-profiles");
        assertThat(test(view.parked).getCellText(0, 2)).isEqualTo(USER);
        assertThat(test(view.parked).getCellText(0, 3)).isEqualTo("failed");
        assertThat(test(view.parked).getCellText(0, 4)).isEqualTo("UserRegistered");
        assertThat(test(view.parked).getCellText(0, 5)).startsWith("DataException: could not execute statement");
        assertThat(test(view.parked).getCellText(0, 5).length()).isLessThanOrEqualTo(ParkedEventsView.ERROR_SHOWN_CHARACTERS);
        assertThat(test(view.parked).getCellText(0, 6)).isEqualTo("0");
        assertThat(test(view.parked).getCellText(2, 3)).isEqualTo("waits (1)");
        assertThat(test(view.parked).getCellText(2, 5)).isEmpty();
    }

    @Test
    void aRetryThatFailsAgainKeepsTheEventParkedAndSaysSo() {
        ParkedEventsView view = navigate(ParkedEventsView.class);

        view.confirmRetry(first());
        test($(ConfirmDialog.class).single()).confirm();

        assertThat(parkedEvents.retries).singleElement().satisfies(retry -> {
            assertThat(retry.processingGroup()).isEqualTo("user-profiles");
            assertThat(retry.sequence()).isEqualTo(USER);
            assertThat(retry.requestedBy()).isEqualTo(STAFF_ID);
        });
        assertThat(test($(Notification.class).last()).getText()).startsWith("Still failing; 1 stay parked.");
        assertThat(test(view.parked).getCellText(0, 6)).isEqualTo("1");
    }

    @Test
    void aRetryAfterTheFixAppliesTheSequenceAndItLeavesTheList() {
        parkedEvents.fix(GATHERING);
        ParkedEventsView view = navigate(ParkedEventsView.class);

        view.confirmRetry(parkedEvents.parked().get(1));
        test($(ConfirmDialog.class).single()).confirm();

        assertThat(test($(Notification.class).last()).getText()).isEqualTo("Applied: nothing is parked for " + GATHERING + " any more.");
        assertThat(test(view.parked).size()).isEqualTo(1);
    }

    @Test
    void cancellingTheConfirmationRetriesNothing() {
        ParkedEventsView view = navigate(ParkedEventsView.class);

        view.confirmRetry(first());
        test($(ConfirmDialog.class).single()).cancel();

        assertThat(parkedEvents.retries).isEmpty();
    }

    @Test
    void aDropNeedsAReasonAndIsSentInTheStaffMembersName() {
        ParkedEventsView view = navigate(ParkedEventsView.class);
        ParkedEventView toDrop = first();

        view.confirmDrop(toDrop);
        test($(ConfirmDialog.class).single()).confirm();
        assertThat(parkedEvents.drops).as("no reason, no drop").isEmpty();

        view.confirmDrop(toDrop);
        test($(TextArea.class).last()).setValue("Test account with a broken name; the user registered again");
        test($(ConfirmDialog.class).last()).confirm();

        assertThat(parkedEvents.drops).singleElement().satisfies(drop -> {
            assertThat(drop.parkedEventId()).isEqualTo(toDrop.parkedEventId());
            assertThat(drop.reason()).isEqualTo("Test account with a broken name; the user registered again");
            assertThat(drop.requestedBy()).isEqualTo(STAFF_ID);
        });
        assertThat(test(view.parked).size()).isEqualTo(2);
    }

    private ParkedEventView first() {
        return parkedEvents.parked().stream().filter(event -> event.sequence().equals(USER)).findFirst().orElseThrow();
    }
}
