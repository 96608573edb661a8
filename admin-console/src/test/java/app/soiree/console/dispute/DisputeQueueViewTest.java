package app.soiree.console.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.api.dispute.DisputeStatus;
import app.soiree.api.dispute.FindDisputes;
import com.vaadin.flow.router.RouterLink;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithMockUser;

/** The queue shows the query side's disputes soonest due first, says how many are overdue, filters, and follows updates. */
@WithMockUser(username = DisputeViewTest.STAFF_ID, roles = "SUPPORT")
class DisputeQueueViewTest extends DisputeViewTest {

    @Test
    void theQueueShowsTheDisputesSoonestDueFirstAndHowManyAreOverdue() {
        platform.open(4200, DisputeStatus.NEEDS_RESPONSE, TestDisputes.T0.plusSeconds(7200), false);
        platform.open(2500, DisputeStatus.NEEDS_RESPONSE, TestDisputes.T0, true);
        platform.open(900, DisputeStatus.UNDER_REVIEW, TestDisputes.T0.plusSeconds(3600), false);

        DisputeQueueView view = navigate(DisputeQueueView.class);

        assertThat(test(view.disputes).size()).isEqualTo(3);
        assertThat(view.overdue.getText()).startsWith("1 dispute is overdue");
        assertThat(view.overdue.hasClassName("overdue")).isTrue();
        assertThat(test(view.disputes).getCellText(0, 1)).isEqualTo("25.00 EUR");
        assertThat(test(view.disputes).getCellText(0, 2)).isEqualTo("NEEDS_RESPONSE");
        assertThat(test(view.disputes).getCellText(0, 3)).isEqualTo("NEEDS_RESPONSE");
        assertThat(test(view.disputes).getCellText(0, 4)).isEqualTo("fraudulent");
        assertThat(test(view.disputes).getCellText(0, 5)).isEqualTo("2026-11-01 00:00:00 UTC");
        assertThat(test(view.disputes).getCellText(1, 1)).isEqualTo("9.00 EUR");
        assertThat(test(view.disputes).getCellText(2, 1)).isEqualTo("42.00 EUR");
        assertThat(platform.queueQueries.getFirst().limit()).isEqualTo(DisputeQueueView.PAGE_SIZE);
    }

    @Test
    void eachRowLinksToItsDisputePage() {
        String id = platform.open(2500, DisputeStatus.NEEDS_RESPONSE, TestDisputes.T0, false).disputeId().toString();
        DisputeQueueView view = navigate(DisputeQueueView.class);

        RouterLink link = (RouterLink) test(view.disputes).getCellComponent(0, 6);

        assertThat(link.getHref()).isEqualTo("disputes/" + id);
    }

    @Test
    void noOverdueDisputeSaysSo() {
        platform.open(2500, DisputeStatus.NEEDS_RESPONSE, TestDisputes.T0, false);

        DisputeQueueView view = navigate(DisputeQueueView.class);
        test(view.disputes).size(); // the count comes with the first page the grid reads

        assertThat(view.overdue.getText()).isEqualTo("No dispute is overdue.");
        assertThat(view.overdue.hasClassName("overdue")).isFalse();
    }

    @Test
    void theFiltersAskTheQuerySideForExactlyWhatTheySay() {
        platform.open(2500, DisputeStatus.NEEDS_RESPONSE, TestDisputes.T0, false);
        platform.open(2500, DisputeStatus.ACCEPTED, TestDisputes.T0, false);
        DisputeQueueView view = navigate(DisputeQueueView.class);

        test(view.statuses).selectItem("NEEDS_RESPONSE");
        test(view.minAmount).setValue(1000);
        test(view.maxAmount).setValue(5000);
        test(view.dueSoon).click();
        test(view.disputes).size();

        assertThat(platform.queueQueries.getLast()).isEqualTo(new FindDisputes(List.of(DisputeStatus.NEEDS_RESPONSE), 1000L, 5000L,
                Duration.ofHours(48), null, DisputeQueueView.PAGE_SIZE));
        assertThat(test(view.disputes).size()).isEqualTo(1);
    }

    @Test
    void aDisputeThatOpensWhileTheQueueIsOnScreenAppearsWithoutAReload() {
        platform.open(2500, DisputeStatus.NEEDS_RESPONSE, TestDisputes.T0, false);
        DisputeQueueView view = navigate(DisputeQueueView.class);
        assertThat(test(view.disputes).size()).isEqualTo(1);

        platform.open(7700, DisputeStatus.NEEDS_RESPONSE, TestDisputes.T0.minusSeconds(60), true);

        await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> {
            runPushedUpdates();
            return test(view.disputes).size() == 2;
        });
        assertThat(test(view.disputes).getCellText(0, 1)).isEqualTo("77.00 EUR");
        assertThat(view.overdue.getText()).startsWith("1 dispute is overdue");
    }
}
