package app.soiree.query.gathering;

import static app.soiree.query.GatheringScenario.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.Actor;
import app.soiree.api.identity.Role;
import app.soiree.api.identity.UserId;
import app.soiree.query.GatheringScenario;
import app.soiree.query.ProjectionTest;
import app.soiree.query.paging.Cursor;
import app.soiree.query.paging.PageResponse;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

/** The controller as a plain object in front of the real query handlers; HTTP mapping is the server's business. */
class GatheringControllerTest extends ProjectionTest {

    @Autowired
    GatheringController controller;

    final UserId host = UserId.random();
    final GatheringScenario dinner = GatheringScenario.hostedBy(host);

    @Test
    void listsPublishedGatheringsAsSummariesWithTheirTiers() {
        events.publish(dinner.created(), dinner.published());

        PageResponse<GatheringSummary> page = controller.gatherings(null, null, null, null, null, null, null).value();

        assertThat(page.items()).singleElement().satisfies(summary -> {
            assertThat(summary.gatheringId()).isEqualTo(dinner.id());
            assertThat(summary.hostId()).isEqualTo(host);
            assertThat(summary.tiers()).hasSize(1);
        });
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void refusesLimitsOutsideOneToAHundred() {
        assertValidationFailure(() -> controller.gatherings(null, null, null, null, null, null, 0));
        assertValidationFailure(() -> controller.gatherings(null, null, null, null, null, null, 101));
        assertValidationFailure(() -> controller.reviews(dinner.id().value(), null, -1));
        assertThat(controller.gatherings(null, null, null, null, null, null, 100).value().items()).isEmpty();
    }

    @Test
    void refusesCursorsItDidNotHandOut() {
        assertValidationFailure(() -> controller.gatherings(null, null, null, null, null, "not-a-cursor", null));
        assertValidationFailure(() -> controller.reviews(dinner.id().value(), "bm90IGEgY3Vyc29y", null));
        String genuine = new Cursor(NOW, UUID.randomUUID()).encode();
        assertThat(controller.gatherings(null, null, null, null, null, genuine, null).value().items()).isEmpty();
    }

    @Test
    void refusesADateRangeThatEndsBeforeItStarts() {
        assertValidationFailure(() -> controller.gatherings(null, null, NOW, NOW, null, null, null));
        assertValidationFailure(() -> controller.gatherings(null, null, NOW.plusSeconds(1), NOW, null, null, null));
    }

    @Test
    void refusesOverlongSearchText() {
        assertValidationFailure(() -> controller.gatherings("x".repeat(GatheringController.MAX_SEARCH_TEXT_LENGTH + 1),
                null, null, null, null, null, null));
    }

    @Test
    void showsADraftToItsSignedInHostAndAnswersNotFoundToEveryoneElse() {
        events.publish(dinner.created());
        UUID id = dinner.id().value();

        assertThat(controller.gathering(id, new TestingAuthenticationToken(host.toString(), null, List.of())).gatheringId())
                .isEqualTo(dinner.id());
        assertNotFound(() -> controller.gathering(id, null));
        assertNotFound(() -> controller.gathering(id, new TestingAuthenticationToken(UserId.random().toString(), null, List.of())));
        assertNotFound(() -> controller.gathering(id, new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"))));
    }

    @Test
    void answersNotFoundForAGatheringThatDoesNotExist() {
        assertNotFound(() -> controller.gathering(UUID.randomUUID(), null));
    }

    @Test
    void answersNotFoundWhenSomeoneOtherThanTheHostAsksForTheAttendees() {
        events.publish(dinner.created(), dinner.published());

        assertThat(controller.attendees(dinner.id().value(), actor(host), null, null).items()).isEmpty();
        assertNotFound(() -> controller.attendees(dinner.id().value(), actor(UserId.random()), null, null));
    }

    private static Actor actor(UserId userId) {
        return new Actor(userId, Set.of(Role.GUEST, Role.HOST));
    }

    private static void assertValidationFailure(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(SoireeException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
    }

    private static void assertNotFound(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(SoireeException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }
}
