package app.soiree.console.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.ledger.FindAccountEntries;
import app.soiree.api.ledger.LedgerEntryView;
import app.soiree.console.support.ConsoleViewTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithMockUser;

@WithMockUser(username = ConsoleViewTest.STAFF_ID, roles = "FINANCE")
class AccountStatementViewTest extends ConsoleViewTest {

    @Test
    void theGridPagesThroughTheJournalByCursorInBoundedPages() {
        ledger.postings("platform:fees", 230);

        AccountStatementView view = navigate(AccountStatementView.class);
        test(view.account).selectItem("platform:fees");

        GridTester<?, LedgerEntryView> grid = test(view.entries);
        assertThat(grid.size()).isEqualTo(230);
        assertThat(grid.getRow(0).entryId()).isEqualTo("entry-0");
        assertThat(grid.getRow(229).entryId()).isEqualTo("entry-229");
        List<FindAccountEntries> asked = asked();
        assertThat(asked).isNotEmpty().allSatisfy(query -> {
            assertThat(query.account()).isEqualTo("platform:fees");
            assertThat(query.limit()).isEqualTo(AccountStatementView.PAGE_SIZE);
        });
        assertThat(asked.getFirst().cursor()).isNull();
        assertThat(asked).extracting(FindAccountEntries::cursor).contains("50", "100", "150", "200");
    }

    @Test
    void theAccountCanComeFromTheAddressAndTheRangeNarrowsThePostings() {
        ledger.postings("host:5a1f0000-0000-4000-8000-0000000000aa:pending", 30);

        UI.getCurrent().navigate(AccountStatementView.class,
                QueryParameters.of(AccountStatementView.ACCOUNT_PARAMETER, "host:5a1f0000-0000-4000-8000-0000000000aa:pending"));
        AccountStatementView view = (AccountStatementView) getCurrentView();
        assertThat(test(view.entries).size()).isEqualTo(30);
        assertThat(view.export.isEnabled()).isTrue();

        test(view.from).setValue(LocalDateTime.of(2026, 11, 1, 0, 10));
        test(view.to).setValue(LocalDateTime.of(2026, 11, 1, 0, 20));

        assertThat(test(view.entries).size()).isEqualTo(10);
        assertThat(test(view.entries).getRow(0).entryId()).isEqualTo("entry-10");
    }

    @Test
    void withoutAnAccountThereIsNothingToShowOrExport() {
        AccountStatementView view = navigate(AccountStatementView.class);

        assertThat(test(view.entries).size()).isZero();
        assertThat(view.export.isEnabled()).isFalse();
        assertThat(asked()).isEmpty();
    }

    private List<FindAccountEntries> asked() {
        return ledger.queriesReceived.stream().filter(FindAccountEntries.class::isInstance).map(FindAccountEntries.class::cast).toList();
    }
}
