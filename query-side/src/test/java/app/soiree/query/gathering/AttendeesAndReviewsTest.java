package app.soiree.query.gathering;

import static app.soiree.query.GatheringScenario.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import app.soiree.api.gathering.AttendeePage;
import app.soiree.api.gathering.AttendeeView;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.BookingStatus;
import app.soiree.api.gathering.FindAttendees;
import app.soiree.api.gathering.FindReviews;
import app.soiree.api.gathering.ReviewPage;
import app.soiree.api.gathering.ReviewView;
import app.soiree.api.gathering.SeatsHeld;
import app.soiree.api.identity.Role;
import app.soiree.api.identity.UserId;
import app.soiree.api.identity.UserRegistered;
import app.soiree.query.GatheringScenario;
import app.soiree.query.ProjectionTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AttendeesAndReviewsTest extends ProjectionTest {

    @Autowired
    QueryGateway queries;

    final UserId host = UserId.random();
    final UserId ada = UserId.random();
    final UserId grace = UserId.random();
    final GatheringScenario dinner = GatheringScenario.hostedBy(host);

    @BeforeEach
    void aPublishedDinnerAndTwoRegisteredGuests() {
        events.publish(registered(ada, "Ada"), registered(grace, "Grace"), dinner.created(), dinner.published());
    }

    @Test
    void theHostSeesWhoBookedWithTheirNamesInTheOrderTheyBooked() {
        SeatsHeld adasSeats = dinner.held(ada, dinner.tier(), 2, NOW);
        SeatsHeld gracesSeats = dinner.held(grace, dinner.tier(), 1, NOW.plusSeconds(1));
        events.publish(adasSeats, dinner.confirmed(adasSeats), dinner.checkedIn(adasSeats), gracesSeats);

        AttendeePage page = attendees(host, null, 20);

        assertThat(page.items())
                .extracting(AttendeeView::guestId, AttendeeView::displayName, AttendeeView::quantity, AttendeeView::status, AttendeeView::checkedIn)
                .containsExactly(tuple(ada, "Ada", 2, BookingStatus.CONFIRMED, true), tuple(grace, "Grace", 1, BookingStatus.HELD, false));
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void holdsThatLapsedAreNotAttendees() {
        SeatsHeld lapsed = dinner.held(ada, 1);
        events.publish(lapsed, dinner.expired(lapsed));

        assertThat(attendees(host, null, 20).items()).isEmpty();
    }

    @Test
    void aGuestWhoseProfileIsNotProjectedYetIsListedWithoutAName() {
        UserId newcomer = UserId.random();
        events.publish(dinner.held(newcomer, 1));

        assertThat(attendees(host, null, 20).items()).singleElement()
                .satisfies(attendee -> assertThat(attendee.displayName()).isEmpty());
    }

    @Test
    void nobodyButTheHostSeesTheAttendees() {
        events.publish(dinner.held(ada, 1));

        assertThat(attendees(ada, null, 20)).isNull();
        assertThat(queries.query(new FindAttendees(dinner.id(), host, null, 20), ResponseTypes.instanceOf(AttendeePage.class)).join())
                .isNotNull();
        assertThat(queries.query(new FindAttendees(GatheringScenario.hostedBy(host).id(), host, null, 20),
                ResponseTypes.instanceOf(AttendeePage.class)).join()).isNull();
    }

    @Test
    void attendeesArePagedWithoutDuplicatesOrGaps() {
        List<BookingId> booked = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            // Pairs of bookings share a moment, so the booking id must break the tie.
            SeatsHeld hold = dinner.held(UserId.random(), dinner.tier(), 1, NOW.plusSeconds(i / 2));
            events.publish(hold);
            booked.add(hold.bookingId());
        }

        List<BookingId> seen = new ArrayList<>();
        String cursor = null;
        do {
            AttendeePage page = attendees(host, cursor, 3);
            page.items().forEach(attendee -> seen.add(attendee.bookingId()));
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(booked);
    }

    @Test
    void reviewsComeNewestFirstAcrossPages() {
        events.publish(dinner.ended());
        for (int i = 0; i < 5; i++) {
            events.publish(dinner.reviewed(UserId.random(), 1 + i, NOW.plus(Duration.ofDays(31)).plusSeconds(i)));
        }

        ReviewPage first = reviews(null, 3);
        ReviewPage second = reviews(first.nextCursor(), 3);

        assertThat(first.items()).extracting(ReviewView::rating).containsExactly(5, 4, 3);
        assertThat(second.items()).extracting(ReviewView::rating).containsExactly(2, 1);
        assertThat(second.nextCursor()).isNull();
        assertThat(first.items().getFirst().text()).isEqualTo("Rated 5");
    }

    @Test
    void aGatheringWithoutReviewsHasAnEmptyPage() {
        assertThat(reviews(null, 20)).isEqualTo(new ReviewPage(List.of(), null));
    }

    private @Nullable AttendeePage attendees(UserId requestedBy, @Nullable String cursor, int limit) {
        return queries.query(new FindAttendees(dinner.id(), requestedBy, cursor, limit), ResponseTypes.instanceOf(AttendeePage.class)).join();
    }

    private ReviewPage reviews(@Nullable String cursor, int limit) {
        return queries.query(new FindReviews(dinner.id(), cursor, limit), ResponseTypes.instanceOf(ReviewPage.class)).join();
    }

    private static UserRegistered registered(UserId userId, String displayName) {
        return new UserRegistered(userId, displayName.toLowerCase() + "@example.test", displayName, null, Set.of(Role.GUEST), NOW);
    }
}
