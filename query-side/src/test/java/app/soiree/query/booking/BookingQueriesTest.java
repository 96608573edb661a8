package app.soiree.query.booking;

import static app.soiree.query.GatheringScenario.HOLD_DURATION;
import static app.soiree.query.GatheringScenario.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.Money;
import app.soiree.api.booking.BookingPage;
import app.soiree.api.booking.BookingView;
import app.soiree.api.booking.FindBooking;
import app.soiree.api.booking.FindMyBookings;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.BookingStatus;
import app.soiree.api.gathering.SeatsHeld;
import app.soiree.api.identity.UserId;
import app.soiree.query.GatheringScenario;
import app.soiree.query.ProjectionTest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class BookingQueriesTest extends ProjectionTest {

    @Autowired
    QueryGateway queries;

    final UserId host = UserId.random();
    final UserId guest = UserId.random();
    final GatheringScenario dinner = GatheringScenario.hostedBy(host);

    @BeforeEach
    void aPublishedDinner() {
        events.publish(dinner.created(), dinner.published());
    }

    @Test
    void theGuestAndTheHostSeeABookingAndNobodyElseDoes() {
        SeatsHeld hold = dinner.held(guest, 2);
        events.publish(hold);

        assertThat(find(hold.bookingId(), guest)).isNotNull();
        assertThat(find(hold.bookingId(), host)).isNotNull();
        assertThat(find(hold.bookingId(), UserId.random())).isNull();
        assertThat(find(BookingId.random(), guest)).isNull();
    }

    @Test
    void aHeldBookingShowsWhatItCostsAndWhenTheHoldExpires() {
        SeatsHeld hold = dinner.held(guest, 2);
        events.publish(hold);

        BookingView booking = find(hold.bookingId(), guest);

        assertThat(booking).isEqualTo(new BookingView(hold.bookingId(), dinner.id(), host, guest, dinner.tier().tierId(), 2,
                BookingStatus.HELD, Money.of(5000, "EUR"), Money.of(0, "EUR"), NOW.plus(HOLD_DURATION), false, NOW, null));
    }

    @Test
    void theHoldDeadlineIsShownOnlyWhileTheSeatsAreHeld() {
        SeatsHeld hold = dinner.held(guest, 1);
        events.publish(hold, dinner.confirmed(hold));

        BookingView booking = find(hold.bookingId(), guest);

        assertThat(booking.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(booking.holdExpiresAt()).isNull();
    }

    @Test
    void eachStatusChangeIsFollowed() {
        SeatsHeld lapsed = dinner.held(guest, 1);
        SeatsHeld cancelled = dinner.held(guest, 1);
        SeatsHeld attended = dinner.held(guest, 1);

        events.publish(lapsed, dinner.expired(lapsed),
                cancelled, dinner.confirmed(cancelled), dinner.bookingCancelled(cancelled, true),
                attended, dinner.confirmed(attended), dinner.checkedIn(attended), dinner.checkedIn(attended));

        assertThat(find(lapsed.bookingId(), guest).status()).isEqualTo(BookingStatus.EXPIRED);
        assertThat(find(cancelled.bookingId(), guest).status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(find(attended.bookingId(), guest).status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(find(attended.bookingId(), guest).checkedIn()).isTrue();
    }

    @Test
    void cancellingTheGatheringCancelsItsActiveBookings() {
        SeatsHeld hold = dinner.held(guest, 1);
        events.publish(hold, dinner.confirmed(hold));

        events.publish(dinner.cancelled(hold.bookingId()));

        assertThat(find(hold.bookingId(), guest).status()).isEqualTo(BookingStatus.CANCELLED);
    }

    @Test
    void myBookingsComeNewestFirstAcrossPagesAndOnlyMine() {
        List<BookingId> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // Two bookings in each second: the booking id must break the tie.
            SeatsHeld hold = dinner.held(guest, dinner.tier(), 1, NOW.plusSeconds(i / 2));
            events.publish(hold);
            mine.add(hold.bookingId());
        }
        events.publish(dinner.held(UserId.random(), 1));

        BookingPage first = myBookings(null, 2);
        BookingPage second = myBookings(first.nextCursor(), 2);
        BookingPage third = myBookings(second.nextCursor(), 2);

        List<BookingView> all = new ArrayList<>(first.items());
        all.addAll(second.items());
        all.addAll(third.items());
        assertThat(all).extracting(BookingView::bookingId).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(mine);
        assertThat(all).extracting(BookingView::createdAt).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(all.getFirst().bookingId()).isEqualTo(mine.getLast());
        assertThat(third.items()).hasSize(1);
        assertThat(third.nextCursor()).isNull();
    }

    private @Nullable BookingView find(BookingId bookingId, UserId requestedBy) {
        return queries.query(new FindBooking(bookingId, requestedBy), ResponseTypes.instanceOf(BookingView.class)).join();
    }

    private BookingPage myBookings(@Nullable String cursor, int limit) {
        return queries.query(new FindMyBookings(guest, cursor, limit), ResponseTypes.instanceOf(BookingPage.class)).join();
    }
}
