package app.soiree.console.payout;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.console.layout.AccessDeniedView;
import app.soiree.console.support.ConsoleViewTest;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithMockUser;

/** Payouts are finance's: the queue and a payout's page open for FINANCE only, and only FINANCE sees them in the menu. */
class PayoutRoleChecksTest extends ConsoleViewTest {

    @Test
    @WithMockUser(username = STAFF_ID, roles = "FINANCE")
    void financeOpensTheQueueAndAPayoutsPage() {
        assertThat(navigate(PayoutQueueView.class)).isInstanceOf(PayoutQueueView.class);
        assertThat(menu()).contains("Payouts");

        navigate("payouts/" + java.util.UUID.randomUUID(), PayoutDetailsView.class);
        assertThat(getCurrentView()).isInstanceOf(PayoutDetailsView.class);
    }

    @Test
    @WithMockUser(username = STAFF_ID, roles = "SUPPORT")
    void supportCannotOpenPayouts() {
        navigate("payouts", AccessDeniedView.class);
        navigate("payouts/" + java.util.UUID.randomUUID(), AccessDeniedView.class);

        assertThat(menu()).doesNotContain("Payouts");
    }

    @Test
    @WithMockUser(username = STAFF_ID, roles = {"GUEST", "HOST"})
    void guestsAndHostsCannotOpenPayouts() {
        navigate("payouts", AccessDeniedView.class);
        assertThat(getCurrentView()).isInstanceOf(AccessDeniedView.class);
    }

    private List<String> menu() {
        return $(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList();
    }
}
