package app.soiree.query.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.gathering.SeatsHeld;
import app.soiree.api.identity.Actor;
import app.soiree.api.identity.Role;
import app.soiree.api.identity.UserId;
import app.soiree.query.GatheringScenario;
import app.soiree.query.ProjectionTest;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The controller as a plain object in front of the real query handlers; HTTP mapping is the server's business. */
class BookingControllerTest extends ProjectionTest {

    @Autowired
    BookingController controller;

    final UserId guest = UserId.random();
    final GatheringScenario dinner = GatheringScenario.hostedBy(UserId.random());

    @Test
    void showsABookingToItsGuestAndAnswersNotFoundToStrangers() {
        SeatsHeld hold = dinner.held(guest, 1);
        events.publish(dinner.created(), dinner.published(), hold);
        UUID bookingId = hold.bookingId().value();

        assertThat(controller.booking(bookingId, actor(guest)).bookingId()).isEqualTo(hold.bookingId());
        assertThatThrownBy(() -> controller.booking(bookingId, actor(UserId.random())))
                .isInstanceOfSatisfying(SoireeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void listsMyBookingsWithAnExplicitEnd() {
        events.publish(dinner.created(), dinner.published(), dinner.held(guest, 1));

        var page = controller.myBookings(actor(guest), null, null);

        assertThat(page.items()).hasSize(1);
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void refusesABadLimitOrCursorAsInvalidInput() {
        assertThatThrownBy(() -> controller.myBookings(actor(guest), null, 101))
                .isInstanceOfSatisfying(SoireeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
        assertThatThrownBy(() -> controller.myBookings(actor(guest), "%%%", null))
                .isInstanceOfSatisfying(SoireeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
    }

    private static Actor actor(UserId userId) {
        return new Actor(userId, Set.of(Role.GUEST));
    }
}
