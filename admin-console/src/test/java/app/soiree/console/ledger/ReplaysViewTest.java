package app.soiree.console.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.api.identity.Actor;
import app.soiree.console.support.ConsoleViewTest;
import app.soiree.console.support.TestLedger;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithMockUser;

/** A replay is started after a confirmation, its progress arrives by push, and its outcome is plain to see. */
@WithMockUser(username = ConsoleViewTest.STAFF_ID, roles = "FINANCE")
class ReplaysViewTest extends ConsoleViewTest {

    @Test
    void aReplayRunsToAMatchWithItsProgressPushedIntoThePage() {
        ReplaysView view = navigate(ReplaysView.class);

        test(view.start).click();
        ConfirmDialog confirm = $(ConfirmDialog.class).single();
        test(confirm).confirm();

        List<Double> progressSeen = new ArrayList<>();
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> {
            runPushedUpdates();
            progressSeen.add(view.panel.progress());
            return "Matches the live ledger".equals(view.panel.outcome());
        });
        assertThat(progressSeen).anySatisfy(value -> assertThat(value).isStrictlyBetween(0.0, 1.0));
        assertThat(view.panel.progress()).isEqualTo(1.0);
        assertThat(view.panel.digest.getText()).contains("sha256:9f2c0e");
        assertThat(view.panel.differences.isVisible()).isFalse();
        assertThat(view.panel.counts()).startsWith(TestLedger.REPLAY_EVENTS + " events replayed");
    }

    @Test
    void theReplayIsAskedForInTheNameOfTheSignedInStaffMember() {
        ReplaysView view = navigate(ReplaysView.class);

        test(view.start).click();
        test($(ConfirmDialog.class).single()).confirm();

        assertThat(ledger.commandMetaData).singleElement().satisfies(metaData -> {
            assertThat(metaData.get(Actor.USER_ID_KEY)).isEqualTo(STAFF_ID);
            assertThat(metaData.get(Actor.ROLES_KEY)).isEqualTo("FINANCE");
        });
    }

    @Test
    void aReplayThatDiffersListsEveryDifferentBalance() {
        ledger.replaysFindDifferences();
        ReplaysView view = navigate(ReplaysView.class);

        view.startReplay();

        await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> {
            runPushedUpdates();
            return view.panel.differences.isVisible();
        });
        assertThat(view.panel.outcome()).isEqualTo("1 balances differ");
        assertThat(test(view.panel.differences).size()).isEqualTo(1);
        assertThat(test(view.panel.differences).getCellText(0, 0)).isEqualTo("platform:fees");
        assertThat(test(view.panel.differences).getCellText(0, 2)).isEqualTo("-5.00 EUR");
        assertThat(test(view.panel.differences).getCellText(0, 3)).isEqualTo("-4.99 EUR");
    }

    @Test
    void cancellingTheConfirmationStartsNothing() {
        ReplaysView view = navigate(ReplaysView.class);

        test(view.start).click();
        test($(ConfirmDialog.class).single()).cancel();

        assertThat(ledger.commandMetaData).isEmpty();
        assertThat(view.panel.isVisible()).isFalse();
        assertThat($(Button.class).withText("Start replay").single().isEnabled()).isTrue();
    }
}
