package app.soiree.console.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.gathering.FindGatheringAsOf;
import app.soiree.console.layout.AccessDeniedView;
import app.soiree.console.platform.Formats;
import app.soiree.console.support.ConsoleViewTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.QueryParameters;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Time travel in the console, with {@link TestGatheringHistory} answering for the platform: a gathering as it stood
 * (status, seats per tier, the waitlist in order), and a plain sentence for everything that shows no gathering.
 */
@WithMockUser(username = ConsoleViewTest.STAFF_ID, roles = "SUPPORT")
class GatheringTimeTravelViewTest extends ConsoleViewTest {

    static final Instant AFTER_PUBLISHING = TestGatheringHistory.PUBLISHED.plusSeconds(60);

    @Autowired
    TestGatheringHistory history;

    @BeforeEach
    void nothingAskedYet() {
        history.reset();
    }

    @Test
    void showsTheGatheringAsItStoodWithItsSeatsAndWaitlistInOrder() {
        GatheringTimeTravelView view = open(TestGatheringHistory.GATHERING.toString(), AFTER_PUBLISHING.toString());

        assertThat(history.asked).containsExactly(new FindGatheringAsOf(TestGatheringHistory.GATHERING, AFTER_PUBLISHING));
        assertThat(view.summary.getText()).isEqualTo("Supper club as it stood at 2026-11-20 19:01:00.250 UTC, rebuilt from its events.");
        assertThat(view.facts.getElement().getTextRecursively())
                .contains("PUBLISHED", "Supper club", "2026-12-20 19:00:00 UTC", "9, the last at 2026-11-20 19:00:00.250 UTC");
        assertThat(test(view.tiers).size()).isEqualTo(2);
        // Tier, price, capacity, held, confirmed, available
        assertThat(List.of(0, 1, 2, 3, 4, 5).stream().map(column -> test(view.tiers).getCellText(0, column)).toList())
                .containsExactly("Seat", "25.00 EUR", "2", "1", "1", "0");
        assertThat(test(view.waitlist).size()).isEqualTo(2);
        assertThat(test(view.waitlist).getCellText(0, 0)).isEqualTo("Seat");
        assertThat(test(view.waitlist).getCellText(0, 1)).isEqualTo("1");
        assertThat(test(view.waitlist).getCellText(1, 1)).isEqualTo("2");
        assertThat(view.at.getValue()).isEqualTo(Formats.local(AFTER_PUBLISHING));
        assertThat(view.showAsCreated.isVisible()).isFalse();
    }

    @Test
    void theFormPutsTheGatheringAndTheInstantInTheAddress() {
        GatheringTimeTravelView view = navigate(GatheringTimeTravelView.class);
        assertThat(view.tiers.isVisible()).isFalse();

        view.gatheringId.setValue(TestGatheringHistory.GATHERING.toString());
        view.at.setValue(Formats.local(TestGatheringHistory.CREATED.plusSeconds(10)));
        test(view.show).click();

        GatheringTimeTravelView shown = (GatheringTimeTravelView) getCurrentView();
        assertThat(UI.getCurrent().getActiveViewLocation().getQueryParameters().getParameters()).containsOnly(
                Map.entry(GatheringTimeTravelView.GATHERING_PARAMETER, List.of(TestGatheringHistory.GATHERING.toString())),
                Map.entry(GatheringTimeTravelView.AT_PARAMETER, List.of(TestGatheringHistory.CREATED.plusSeconds(10).toString())));
        assertThat(history.asked).extracting(FindGatheringAsOf::at).containsExactly(TestGatheringHistory.CREATED.plusSeconds(10));
        assertThat(shown.facts.getElement().getTextRecursively()).contains("DRAFT");
        assertThat(shown.waitlist.isVisible()).as("nobody waited for a draft").isFalse();
    }

    @Test
    void withoutAnInstantItShowsTheGatheringAsItStandsNow() {
        Instant before = Instant.now().minusSeconds(1);

        open(TestGatheringHistory.GATHERING.toString(), null);

        assertThat(history.asked).singleElement().satisfies(query -> assertThat(query.at()).isAfter(before).isBeforeOrEqualTo(Instant.now()));
    }

    @Test
    void beforeItsCreationTheGatheringDidNotExistAndThePageOffersItsFirstState() {
        GatheringTimeTravelView view = open(TestGatheringHistory.GATHERING.toString(), "2026-11-01T00:00:00Z");

        assertThat(view.summary.getText()).isEqualTo("Gathering " + TestGatheringHistory.GATHERING
                + " did not exist yet at 2026-11-01 00:00:00 UTC; it was created at 2026-11-20 18:00:00.250 UTC.");
        assertThat(view.tiers.isVisible()).isFalse();
        assertThat(view.showAsCreated.isVisible()).isTrue();

        test(view.showAsCreated).click();

        assertThat(history.asked).extracting(FindGatheringAsOf::at).last().isEqualTo(TestGatheringHistory.CREATED);
        assertThat(((GatheringTimeTravelView) getCurrentView()).facts.getElement().getTextRecursively()).contains("DRAFT");
    }

    @Test
    void anUnknownIdAMalformedOneAndTheFutureAreSaidInWords() {
        UUID unknown = UUID.randomUUID();
        assertThat(open(unknown.toString(), AFTER_PUBLISHING.toString()).summary.getText()).isEqualTo("No gathering has the id " + unknown + ".");

        GatheringTimeTravelView malformed = open("supper-club", AFTER_PUBLISHING.toString());
        assertThat(malformed.summary.getText()).startsWith("“supper-club” is not a gathering id");
        assertThat(malformed.tiers.isVisible()).isFalse();

        GatheringTimeTravelView future = open(TestGatheringHistory.GATHERING.toString(), Instant.now().plus(Duration.ofHours(1)).toString());
        assertThat(future.summary.getText()).startsWith("The future is not rebuilt from events");
        assertThat(future.tiers.isVisible()).isFalse();

        assertThat(open(TestGatheringHistory.GATHERING.toString(), "yesterday").summary.getText()).startsWith("“yesterday” is not an instant");
        assertThat(history.asked).as("only the unknown id was asked about").hasSize(1);
    }

    @Test
    @WithMockUser(username = ConsoleViewTest.STAFF_ID, roles = "FINANCE")
    void financeTravelsInTimeToo() {
        assertThat(navigate(GatheringTimeTravelView.class)).isInstanceOf(GatheringTimeTravelView.class);
        assertThat(menu()).contains("Gathering as of");
    }

    @Test
    @WithMockUser(username = ConsoleViewTest.STAFF_ID, roles = "ADMIN")
    void adminsDoNot() {
        navigate("gatherings/as-of", AccessDeniedView.class);
        assertThat(menu()).doesNotContain("Gathering as of");
    }

    /** As the address holds them; a null instant is left out of it. */
    private GatheringTimeTravelView open(String gathering, @Nullable String at) {
        UI.getCurrent().navigate(GatheringTimeTravelView.class, at == null
                ? QueryParameters.of(GatheringTimeTravelView.GATHERING_PARAMETER, gathering)
                : QueryParameters.simple(Map.of(GatheringTimeTravelView.GATHERING_PARAMETER, gathering, GatheringTimeTravelView.AT_PARAMETER, at)));
        return (GatheringTimeTravelView) getCurrentView();
    }

    private List<String> menu() {
        return $(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList();
    }
}
