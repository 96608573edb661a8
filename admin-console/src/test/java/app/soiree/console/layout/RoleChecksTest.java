package app.soiree.console.layout;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.console.ledger.BalancesView;
import app.soiree.console.lookup.LookupView;
import app.soiree.console.staff.StaffView;
import app.soiree.console.support.ConsoleViewTest;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithMockUser;

/** Each view opens for the roles it names and no others; the menu shows only what the user may open. */
class RoleChecksTest extends ConsoleViewTest {

    @Test
    @WithMockUser(username = STAFF_ID, roles = "SUPPORT")
    void supportCannotOpenTheLedgerButCanLookThingsUp() {
        navigate("ledger/trial-balance", AccessDeniedView.class);
        assertThat(getCurrentView()).isInstanceOf(AccessDeniedView.class);

        assertThat(navigate(LookupView.class)).isInstanceOf(LookupView.class);
        assertThat(menu()).contains("Lookup").doesNotContain("Trial balance", "Chain verifications", "Staff accounts");
    }

    @Test
    @WithMockUser(username = STAFF_ID, roles = "FINANCE")
    void financeOpensTheLedgerButNotTheStaffAccounts() {
        assertThat(navigate(BalancesView.class)).isInstanceOf(BalancesView.class);
        navigate("staff", AccessDeniedView.class);

        assertThat(menu()).contains("Trial balance", "Account statements", "Ledger replays", "Chain verifications", "Lookup").doesNotContain("Staff accounts");
    }

    @Test
    @WithMockUser(username = STAFF_ID, roles = "ADMIN")
    void adminsManageStaffButDoNotSeeTheLedger() {
        assertThat(navigate(StaffView.class)).isInstanceOf(StaffView.class);
        navigate("ledger/statements", AccessDeniedView.class);
        navigate("lookup", AccessDeniedView.class);

        assertThat(menu()).contains("Staff accounts").doesNotContain("Trial balance", "Lookup");
    }

    private java.util.List<String> menu() {
        return $(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList();
    }
}
