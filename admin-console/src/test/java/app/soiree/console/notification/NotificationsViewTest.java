package app.soiree.console.notification;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.identity.Actor;
import app.soiree.api.identity.UserId;
import app.soiree.api.notification.NotificationChannel;
import app.soiree.api.notification.ResendNotification;
import app.soiree.api.notification.StaffNotificationView;
import app.soiree.console.layout.AccessDeniedView;
import app.soiree.console.support.ConsoleViewTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Support's notifications view, with {@link TestNotifications} answering for the platform: finding the user, what the
 * grid and a notification's deliveries show, a resend that goes out only after a confirmation and in whose name, and
 * what the console says when the platform refuses it.
 */
@WithMockUser(username = ConsoleViewTest.STAFF_ID, roles = "SUPPORT")
class NotificationsViewTest extends ConsoleViewTest {

    @Autowired
    TestNotifications platform;

    @BeforeEach
    void noNotificationsYet() {
        platform.reset();
    }

    @Test
    void supportFindsAUserByEmailAndSeesTheirNotificationsNewestFirstWithEachDeliverysHistory() {
        platform.refund("First refund", 1);
        platform.refund("Second refund", 2);

        NotificationsView view = open(TestNotifications.ANA_EMAIL);

        assertThat(view.summary.getText()).contains("Ana Guest", TestNotifications.ANA_EMAIL, TestNotifications.ANA.toString());
        assertThat(test(view.notifications).size()).isEqualTo(2);
        assertThat(test(view.notifications).getCellText(0, 2)).isEqualTo("Second refund");
        assertThat(test(view.notifications).getCellText(0, 4))
                .isEqualTo("in app delivered · email failed · whatsapp skipped (no whatsapp consent)");
        assertThat(platform.queries.getLast().userId()).isEqualTo(TestNotifications.ANA);
        assertThat(view.deliveries.isVisible()).isFalse();

        test(view.notifications).select(1);

        assertThat(view.deliveries.isVisible()).isTrue();
        assertThat(view.deliveries.title.getText()).isEqualTo("First refund");
        assertThat(view.deliveries.resend).as("in-app stays in the inbox").containsOnlyKeys(NotificationChannel.EMAIL, NotificationChannel.WHATSAPP);
        var email = view.deliveries.histories.get(NotificationChannel.EMAIL);
        assertThat(test(email).size()).isEqualTo(2);
        assertThat(test(email).getCellText(1, 1)).isEqualTo("failed");
        assertThat(test(email).getCellText(1, 3)).contains("attempt 1", "permanent: mailbox unavailable", "error 550");
        var whatsapp = view.deliveries.histories.get(NotificationChannel.WHATSAPP);
        assertThat(test(whatsapp).getCellText(0, 3)).contains("why: no whatsapp consent", "preferences v3");
        assertThat(menu()).contains("Notifications");
    }

    @Test
    void aResendGoesOutAfterAConfirmationInTheSignedInMembersNameAndTheHistoryShowsIt() {
        StaffNotificationView refund = platform.refund("Refund on its way", 1);
        NotificationsView view = open(TestNotifications.ANA_EMAIL);
        test(view.notifications).select(0);

        test(view.deliveries.resend.get(NotificationChannel.EMAIL)).click();
        assertThat(platform.commands).as("nothing before the confirmation").isEmpty();
        test($(ConfirmDialog.class).last()).confirm();

        assertThat(platform.commands).containsExactly(new ResendNotification(refund.notificationId(), NotificationChannel.EMAIL,
                UserId.of(STAFF_ID)));
        assertThat(platform.commandMetaData).singleElement().satisfies(metaData -> {
            assertThat(metaData.get(Actor.USER_ID_KEY)).isEqualTo(STAFF_ID);
            assertThat(metaData.get(Actor.ROLES_KEY)).isEqualTo("SUPPORT");
        });
        var email = view.deliveries.histories.get(NotificationChannel.EMAIL);
        assertThat(test(email).size()).isEqualTo(5);
        assertThat(test(email).getCellText(2, 1)).isEqualTo("resend requested");
        assertThat(test(email).getCellText(2, 3)).contains("resent by " + STAFF_ID);
        assertThat(view.deliveries.refusal.isVisible()).isFalse();
    }

    @Test
    void aRefusedResendIsShownInSupportsWords() {
        platform.refund("Refund on its way", 1);
        platform.refuseWith(ErrorCode.STATE_CONFLICT);
        NotificationsView view = open(TestNotifications.ANA_EMAIL);
        test(view.notifications).select(0);

        test(view.deliveries.resend.get(NotificationChannel.EMAIL)).click();
        test($(ConfirmDialog.class).last()).confirm();

        assertThat(platform.commands).isEmpty();
        assertThat(view.deliveries.refusal.isVisible()).isTrue();
        assertThat(view.deliveries.refusal.getText()).startsWith("It cannot go out again on this channel now");
    }

    @Test
    void anUnknownUserIsSaidSo() {
        NotificationsView view = open(UUID.randomUUID());
        assertThat(view.summary.getText()).startsWith("No user has the email or id");
        assertThat(view.notifications.isVisible()).isFalse();

        NotificationsView empty = navigate("notifications", NotificationsView.class);
        assertThat(empty.summary.getText()).isEqualTo("Find a user by their email or id to see their notifications.");
    }

    @Test
    @WithMockUser(username = ConsoleViewTest.STAFF_ID, roles = {"FINANCE", "ADMIN"})
    void staffWithoutSupportCannotOpenIt() {
        navigate("notifications", AccessDeniedView.class);
        assertThat(menu()).doesNotContain("Notifications");
    }

    /** As the Find button does: the user in the address. */
    private NotificationsView open(Object user) {
        UI.getCurrent().navigate(NotificationsView.class, QueryParameters.of(NotificationsView.USER_PARAMETER, user.toString()));
        return (NotificationsView) getCurrentView();
    }

    private List<String> menu() {
        return $(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList();
    }
}
