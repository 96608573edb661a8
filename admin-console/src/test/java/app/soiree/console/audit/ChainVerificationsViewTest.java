package app.soiree.console.audit;

import static app.soiree.console.audit.TestChainVerifications.head;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.api.audit.ChainVerificationView;
import app.soiree.api.identity.Actor;
import app.soiree.console.layout.AccessDeniedView;
import app.soiree.console.support.ConsoleViewTest;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Finance's chain verifications, with {@link TestChainVerifications} answering for the platform: a verification starts
 * after a confirmation and in the staff member's name, its progress arrives by push, and its finding (intact, the first
 * broken event, or why it could not finish) is plain to see; a start while another runs is refused in words; the daily
 * heads are listed for the notary; and the page is finance's alone.
 */
@WithMockUser(username = ConsoleViewTest.STAFF_ID, roles = "FINANCE")
class ChainVerificationsViewTest extends ConsoleViewTest {

    static final String HASH = "eaaed088fef66cca3a297a33971cf156e866d7bd920eb0a48c3f9ac803e74393";

    @Autowired
    TestChainVerifications platform;

    @BeforeEach
    void noVerificationsYet() {
        platform.reset();
    }

    @Test
    void aVerificationRunsToIntactWithItsProgressPushedIntoThePage() {
        ChainVerificationsView view = navigate(ChainVerificationsView.class);

        test(view.start).click();
        test($(ConfirmDialog.class).single()).confirm();

        List<Double> progressSeen = new ArrayList<>();
        List<String> countsSeen = new ArrayList<>();
        awaitPushed(() -> {
            progressSeen.add(view.panel.progress());
            countsSeen.add(view.panel.counts());
            return "Intact".equals(view.panel.outcome());
        });
        assertThat(progressSeen).anySatisfy(value -> assertThat(value).isStrictlyBetween(0.0, 1.0));
        assertThat(countsSeen).contains("40 of " + TestChainVerifications.EVENTS + " events");
        assertThat(view.panel.progress()).isEqualTo(1.0);
        assertThat(view.panel.counts()).startsWith(TestChainVerifications.EVENTS + " events checked, finished");
        assertThat(view.panel.finding.isVisible()).isFalse();
        assertThat(platform.commandMetaData).singleElement().satisfies(metaData -> {
            assertThat(metaData.get(Actor.USER_ID_KEY)).isEqualTo(STAFF_ID);
            assertThat(metaData.get(Actor.ROLES_KEY)).isEqualTo("FINANCE");
        });
        assertThat(test(view.recent).size()).isEqualTo(1);
        assertThat(test(view.recent).getCellText(0, 2)).isEqualTo("intact");
        assertThat(test(view.recent).getCellText(0, 3)).isEqualTo(STAFF_ID);
    }

    @Test
    void aBrokenChainNamesTheFirstBrokenEventAndHowItBreaks() {
        platform.brokenAt("event-4711", "the event as stored is not the event that was chained (identity, payload or metadata changed)");
        ChainVerificationsView view = navigate(ChainVerificationsView.class);

        view.startVerification();

        awaitPushed(() -> view.panel.finding.isVisible());
        assertThat(view.panel.outcome()).isEqualTo("Broken");
        assertThat(view.panel.finding.getText())
                .isEqualTo("The first broken link is event event-4711: the event as stored is not the event that was chained "
                        + "(identity, payload or metadata changed).");
        assertThat(view.panel.counts()).startsWith("45 of 90 events checked before the broken link");
        assertThat(test(view.recent).getCellText(0, 2)).isEqualTo("broken at event event-4711");
    }

    @Test
    void aVerificationThatCouldNotFinishSaysWhyAndThatItSaysNothingAboutTheChain() {
        platform.failWith("interrupted: the process running it stopped before it finished");
        ChainVerificationsView view = navigate(ChainVerificationsView.class);

        view.startVerification();

        awaitPushed(() -> view.panel.finding.isVisible());
        assertThat(view.panel.outcome()).isEqualTo("Failed");
        assertThat(view.panel.finding.getText()).isEqualTo("It could not finish (interrupted: the process running it stopped before it "
                + "finished). This says nothing about the chain; start another.");
        assertThat(test(view.recent).getCellText(0, 1)).isEqualTo(ChainVerificationView.FAILED);
    }

    @Test
    void aStartWhileAnotherRunsIsRefusedInWordsAndThePageFollowsTheRunningOne() {
        ChainVerificationView elsewhere = platform.runningElsewhere();
        ChainVerificationsView view = navigate(ChainVerificationsView.class);

        test(view.start).click();
        test($(ConfirmDialog.class).single()).confirm();

        assertThat(platform.commandMetaData).as("refused before anything started").isEmpty();
        assertThat(test($(Notification.class).last()).getText())
                .isEqualTo("A chain verification is already running, and only one runs at a time. Its progress is shown below.");
        awaitPushed(() -> "Intact".equals(view.panel.outcome()));
        assertThat(test(view.recent).size()).isEqualTo(1);
        assertThat(test(view.recent).getCellText(0, 3)).isEqualTo(elsewhere.requestedBy());
    }

    @Test
    void theDailyChainHeadsAreListedNewestFirstForTheNotary() {
        platform.heads(head(LocalDate.parse("2026-12-07"), 5120, HASH), head(LocalDate.parse("2026-12-06"), 4890, "0".repeat(64)));

        ChainVerificationsView view = navigate(ChainVerificationsView.class);

        assertThat(test(view.heads).size()).isEqualTo(2);
        assertThat(test(view.heads).getCellText(0, 0)).isEqualTo("2026-12-07");
        assertThat(test(view.heads).getCellText(0, 1)).isEqualTo("5120");
        assertThat(test(view.heads).getCellText(0, 2)).isEqualTo("6120");
        assertThat(test(view.heads).getCellText(1, 0)).isEqualTo("2026-12-06");
        assertThat(ChainVerificationsView.forNotary(head(LocalDate.parse("2026-12-07"), 5120, HASH))).isEqualTo(
                "Soiree event store chain head, 2026-12-07 (UTC): link 5120, event event-5120 at position 6120, SHA-256 " + HASH);
    }

    @Test
    void cancellingTheConfirmationStartsNothing() {
        ChainVerificationsView view = navigate(ChainVerificationsView.class);

        test(view.start).click();
        test($(ConfirmDialog.class).single()).cancel();

        assertThat(platform.commandMetaData).isEmpty();
        assertThat(view.panel.isVisible()).isFalse();
    }

    @Test
    @WithMockUser(username = ConsoleViewTest.STAFF_ID, roles = "SUPPORT")
    void supportCannotOpenItNorSeeItInTheMenu() {
        navigate("audit/chain-verifications", AccessDeniedView.class);

        assertThat(menu()).doesNotContain("Chain verifications");
    }

    @Test
    void financeFindsItInTheMenu() {
        navigate(ChainVerificationsView.class);

        assertThat(menu()).contains("Chain verifications");
    }

    /** Runs what the server pushed until {@code done}; the test platform finishes a verification within a few looks. */
    private static void awaitPushed(BooleanSupplier done) {
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> {
            runPushedUpdates();
            return done.getAsBoolean();
        });
    }

    private List<String> menu() {
        return $(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList();
    }
}
