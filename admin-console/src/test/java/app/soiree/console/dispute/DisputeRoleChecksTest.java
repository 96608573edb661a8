package app.soiree.console.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.dispute.DisputeStatus;
import app.soiree.console.layout.AccessDeniedView;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithMockUser;

/** Disputes are support's work: support opens the queue and each dispute, nobody else does, and only support sees the menu entry. */
class DisputeRoleChecksTest extends DisputeViewTest {

    @Test
    @WithMockUser(username = STAFF_ID, roles = "SUPPORT")
    void supportOpensTheQueueAndADispute() {
        String id = platform.open(2500, DisputeStatus.NEEDS_RESPONSE, TestDisputes.T0, false).disputeId().toString();

        assertThat(navigate(DisputeQueueView.class)).isInstanceOf(DisputeQueueView.class);
        assertThat(menu()).contains("Disputes");
        assertThat(navigate("disputes/" + id, DisputeDetailView.class)).isInstanceOf(DisputeDetailView.class);
    }

    @Test
    @WithMockUser(username = STAFF_ID, roles = "FINANCE")
    void financeCannotOpenDisputes() {
        String id = platform.open(2500, DisputeStatus.NEEDS_RESPONSE, TestDisputes.T0, false).disputeId().toString();

        navigate("disputes", AccessDeniedView.class);
        navigate("disputes/" + id, AccessDeniedView.class);
        assertThat(menu()).doesNotContain("Disputes");
    }

    @Test
    @WithMockUser(username = STAFF_ID, roles = "ADMIN")
    void anAdminWithoutSupportCannotOpenDisputes() {
        navigate("disputes", AccessDeniedView.class);
        assertThat(menu()).doesNotContain("Disputes");
    }

    @Test
    @WithMockUser(username = STAFF_ID, roles = "GUEST")
    void aGuestCannotOpenDisputes() {
        navigate("disputes", AccessDeniedView.class);
        assertThat(getCurrentView()).isInstanceOf(AccessDeniedView.class);
    }

    private List<String> menu() {
        return $(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList();
    }
}
