package app.soiree.console.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.ledger.FindTrialBalancePage;
import app.soiree.console.platform.Formats;
import app.soiree.console.support.ConsoleViewTest;
import com.vaadin.flow.component.badge.BadgeVariant;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithMockUser;

@WithMockUser(username = ConsoleViewTest.STAFF_ID, roles = "FINANCE")
class BalancesViewTest extends ConsoleViewTest {

    @Test
    void aBalancedLedgerSaysSoInGreen() {
        BalancesView view = navigate(BalancesView.class);

        assertThat(view.indicator.getText()).isEqualTo("Balanced");
        assertThat(view.indicator.getElement().getThemeList().contains(BadgeVariant.SUCCESS.getVariantName())).isTrue();
        assertThat(test(view.accounts).size()).isEqualTo(2);
        assertThat(view.totals.getText()).contains("EUR: debits 5.00, credits 5.00");
    }

    @Test
    void theFilterNarrowsTheAccountsButNotTheVerdictOrTheTotals() {
        BalancesView view = navigate(BalancesView.class);
        test(view.accountFilter).setValue(" Platform:FEES ");

        assertThat(test(view.accounts).size()).isEqualTo(1);
        assertThat(test(view.accounts).getRow(0).account()).isEqualTo("platform:fees");
        assertThat(((FindTrialBalancePage) ledger.queriesReceived.getLast()).accountContains()).isEqualTo(" Platform:FEES ");
        assertThat(view.indicator.getText()).isEqualTo("Balanced");
        assertThat(view.totals.getText()).contains("EUR: debits 5.00, credits 5.00");

        test(view.accountFilter).setValue("no such account");
        assertThat(test(view.accounts).size()).isZero();
    }

    @Test
    void anUnbalancedLedgerCannotBeMissed() {
        ledger.unbalanced();

        BalancesView view = navigate(BalancesView.class);

        assertThat(view.indicator.getText()).isEqualTo("Not balanced");
        assertThat(view.indicator.getElement().getThemeList().contains(BadgeVariant.ERROR.getVariantName())).isTrue();
        assertThat(view.totals.getText()).contains("debits 5.00, credits 4.99");
    }

    @Test
    void opensAtTheCurrentMinuteAndShowsAnyOtherMomentAsked() {
        Instant before = Instant.now();
        BalancesView view = navigate(BalancesView.class);
        FindTrialBalancePage opening = (FindTrialBalancePage) ledger.queriesReceived.getFirst();
        assertThat(opening.asOf()).isAfterOrEqualTo(before);

        test(view.asOf).setValue(LocalDateTime.of(2026, 3, 1, 9, 30));

        FindTrialBalancePage asked = (FindTrialBalancePage) ledger.queriesReceived.getLast();
        assertThat(asked.asOf()).isEqualTo(Instant.parse("2026-03-01T09:30:00Z"));
        assertThat(view.totals.getText()).contains("as of " + Formats.time(asked.asOf()));
    }
}
