package app.soiree.query.booking;

import app.soiree.api.booking.BookingPage;
import app.soiree.api.booking.BookingView;
import app.soiree.api.booking.FindBooking;
import app.soiree.api.booking.FindMyBookings;
import app.soiree.api.error.SoireeException;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.identity.Actor;
import app.soiree.query.paging.Cursor;
import app.soiree.query.paging.PageLimit;
import app.soiree.query.paging.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Bookings")
class BookingController {

    private final QueryGateway queryGateway;

    BookingController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping("/api/bookings/{bookingId}")
    @Operation(summary = "One booking", description = "Its guest or the gathering's host; anyone else gets 404.")
    BookingView booking(@PathVariable UUID bookingId, Actor actor) {
        BookingView booking = queryGateway.query(new FindBooking(new BookingId(bookingId), actor.userId()),
                ResponseTypes.instanceOf(BookingView.class)).join();
        if (booking == null) {
            throw SoireeException.notFound("Booking " + bookingId);
        }
        return booking;
    }

    @GetMapping("/api/me/bookings")
    @Operation(summary = "The signed-in user's bookings, newest first")
    PageResponse<BookingView> myBookings(Actor actor,
                                         @RequestParam(required = false) @Nullable String cursor,
                                         @Parameter(description = "1 to 100, default 20") @RequestParam(required = false) @Nullable Integer limit) {
        FindMyBookings query = new FindMyBookings(actor.userId(), Cursor.requireValid(cursor), PageLimit.validated(limit));
        BookingPage page = queryGateway.query(query, ResponseTypes.instanceOf(BookingPage.class)).join();
        return new PageResponse<>(page.items(), page.nextCursor());
    }
}
