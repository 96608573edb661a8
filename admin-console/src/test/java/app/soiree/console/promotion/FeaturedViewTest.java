package app.soiree.console.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.Actor;
import app.soiree.api.identity.UserId;
import app.soiree.api.promotion.FeatureGathering;
import app.soiree.api.promotion.FeaturedGatheringView;
import app.soiree.api.promotion.UnfeatureGathering;
import app.soiree.console.layout.AccessDeniedView;
import app.soiree.console.platform.Formats;
import app.soiree.console.support.ConsoleViewTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/** Support's featured gatherings, with {@link TestPromotions} answering for the platform: what is listed, what goes out, what is refused. */
@WithMockUser(username = ConsoleViewTest.STAFF_ID, roles = "SUPPORT")
class FeaturedViewTest extends ConsoleViewTest {

    static final GatheringId GATHERING = new GatheringId(UUID.fromString("0b000000-0000-4000-8000-000000000001"));
    static final UserId COLLEAGUE = new UserId(UUID.fromString("0b000000-0000-4000-8000-000000000009"));

    @Autowired
    TestPromotions platform;

    @BeforeEach
    void nothingFeaturedYet() {
        platform.reset();
    }

    @Test
    void listsCurrentAndScheduledFeaturesButNotEndedOnes() {
        Instant now = Instant.now();
        GatheringId scheduled = new GatheringId(UUID.randomUUID());
        platform.featured(new FeaturedGatheringView(GATHERING, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)), COLLEAGUE, now));
        platform.featured(new FeaturedGatheringView(scheduled, now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(3)), COLLEAGUE, now));
        platform.featured(new FeaturedGatheringView(new GatheringId(UUID.randomUUID()), now.minus(Duration.ofDays(2)),
                now.minus(Duration.ofDays(1)), COLLEAGUE, now));

        FeaturedView view = navigate(FeaturedView.class);

        assertThat(test(view.featured).size()).isEqualTo(2);
        assertThat(test(view.featured).getCellText(0, 0)).isEqualTo(GATHERING.toString());
        assertThat(test(view.featured).getCellText(0, 1)).isEqualTo("featured now");
        assertThat(test(view.featured).getCellText(1, 0)).isEqualTo(scheduled.toString());
        assertThat(test(view.featured).getCellText(1, 1)).isEqualTo("scheduled");
        assertThat(menu()).contains("Featured gatherings");
    }

    @Test
    void featuresAGatheringByItsIdForAWindowInTheSignedInMembersName() {
        FeaturedView view = navigate(FeaturedView.class);
        Instant from = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
        Instant until = from.plus(Duration.ofDays(2));

        test(view.gatheringId).setValue(GATHERING.toString());
        view.from.setValue(Formats.local(from));
        view.until.setValue(Formats.local(until));
        test(view.feature).click();

        assertThat(platform.commands).containsExactly(new FeatureGathering(GATHERING, from, until, UserId.of(STAFF_ID)));
        assertThat(platform.commandMetaData.getFirst().get(Actor.USER_ID_KEY)).isEqualTo(STAFF_ID);
        assertThat(test(view.featured).size()).isEqualTo(1);
        assertThat(test(view.featured).getCellText(0, 1)).isEqualTo("scheduled");
        assertThat(view.gatheringId.getValue()).isEmpty();
    }

    @Test
    void anIncompleteOrReversedFormSendsNothingAndSaysWhatIsWrong() {
        FeaturedView view = navigate(FeaturedView.class);
        Instant from = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);

        test(view.gatheringId).setValue("0b000000");
        view.from.setValue(Formats.local(from));
        view.until.setValue(Formats.local(from.minus(Duration.ofHours(1))));
        test(view.feature).click();

        assertThat(platform.commands).isEmpty();
        assertThat(view.gatheringId.isInvalid()).isTrue();
        assertThat(view.until.isInvalid()).isTrue();
        assertThat(view.until.getErrorMessage()).isEqualTo("After the start");
    }

    @Test
    void aGatheringThatIsNotUpcomingAndPublishedIsRefusedInWords() {
        FeaturedView view = navigate(FeaturedView.class);
        platform.refuseWith(ErrorCode.NOT_PROMOTABLE);
        Instant from = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);

        test(view.gatheringId).setValue(GATHERING.toString());
        view.from.setValue(Formats.local(from));
        view.until.setValue(Formats.local(from.plus(Duration.ofHours(3))));
        test(view.feature).click();

        assertThat(view.refusal.isVisible()).isTrue();
        assertThat(view.refusal.getText()).startsWith("Only an upcoming published gathering can be featured");
        assertThat(test(view.featured).size()).isZero();
    }

    @Test
    void removingTakesTheGatheringOutOfTheList() {
        Instant now = Instant.now();
        platform.featured(new FeaturedGatheringView(GATHERING, now, now.plus(Duration.ofDays(1)), COLLEAGUE, now));
        FeaturedView view = navigate(FeaturedView.class);

        test((Button) test(view.featured).getCellComponent(0, 5)).click();

        assertThat(platform.commands).containsExactly(new UnfeatureGathering(GATHERING, UserId.of(STAFF_ID)));
        assertThat(test(view.featured).size()).isZero();
    }

    @Test
    @WithMockUser(username = ConsoleViewTest.STAFF_ID, roles = "FINANCE")
    void isForSupportOnly() {
        navigate("featured", AccessDeniedView.class);
        assertThat(menu()).doesNotContain("Featured gatherings");
    }

    private List<String> menu() {
        return $(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList();
    }
}
