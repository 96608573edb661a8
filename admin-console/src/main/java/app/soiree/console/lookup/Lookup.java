package app.soiree.console.lookup;

import app.soiree.api.audit.AuditTrailPage;
import app.soiree.api.audit.CausalTimelinePage;
import app.soiree.api.audit.FindCausalTimeline;
import app.soiree.api.audit.TimelineSubject;
import app.soiree.api.audit.FindAuditTrail;
import app.soiree.api.booking.BookingView;
import app.soiree.api.booking.FindBookingByProviderReference;
import app.soiree.api.booking.FindBookingForStaff;
import app.soiree.api.booking.FindBookingOfPayment;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.FindGathering;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.GatheringView;
import app.soiree.api.identity.FindUserByEmail;
import app.soiree.api.identity.FindUserProfile;
import app.soiree.api.identity.UserId;
import app.soiree.api.identity.UserProfileView;
import app.soiree.api.payment.PaymentId;
import app.soiree.console.platform.Ids;
import app.soiree.console.platform.StaffQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Turns what support has in hand (an id from a screenshot, a guest's email, a reference from the
 * provider's dashboard) into the things it names. An id could name any kind of thing, so every kind
 * is asked at once; only queries are sent, and each answers one record or nothing.
 */
@Component
class Lookup {

    /** Aggregates whose ids are UUIDs a person could paste, checked in the event stream when no read model knows the id. */
    static final List<String> AGGREGATE_TYPES = List.of("User", "Gathering", "Payment");
    static final int MAX_TERM_LENGTH = 254;

    private final StaffQueries queries;

    Lookup(StaffQueries queries) {
        this.queries = queries;
    }

    List<LookupHit> find(String term) {
        String text = term.strip();
        if (text.isEmpty() || text.length() > MAX_TERM_LENGTH) {
            return List.of();
        }
        Optional<UUID> id = Ids.uuid(text);
        if (id.isPresent()) {
            return byId(id.get());
        }
        if (text.contains("@")) {
            UserProfileView user = queries.ask(new FindUserByEmail(text), UserProfileView.class);
            return user == null ? List.of() : List.of(new LookupHit.User(user));
        }
        BookingView booking = queries.ask(new FindBookingByProviderReference(text), BookingView.class);
        return booking == null ? List.of() : List.of(new LookupHit.Booking(booking, "provider reference"));
    }

    private List<LookupHit> byId(UUID id) {
        CompletableFuture<UserProfileView> user = queries.submit(new FindUserProfile(new UserId(id)), UserProfileView.class);
        // Staff see gatherings as the public does here; drafts are found through the event stream below.
        CompletableFuture<GatheringView> gathering = queries.submit(new FindGathering(new GatheringId(id), null), GatheringView.class);
        CompletableFuture<BookingView> booking = queries.submit(new FindBookingForStaff(new BookingId(id)), BookingView.class);
        CompletableFuture<BookingView> paidBy = queries.submit(new FindBookingOfPayment(new PaymentId(id)), BookingView.class);
        List<LookupHit> hits = new ArrayList<>();
        Optional.ofNullable(queries.await(user)).ifPresent(found -> hits.add(new LookupHit.User(found)));
        Optional.ofNullable(queries.await(gathering)).ifPresent(found -> hits.add(new LookupHit.Gathering(found)));
        Optional.ofNullable(queries.await(booking)).ifPresent(found -> hits.add(new LookupHit.Booking(found, "booking id")));
        Optional.ofNullable(queries.await(paidBy)).ifPresent(found -> hits.add(new LookupHit.Booking(found, "payment id")));
        if (hits.isEmpty()) {
            for (String type : AGGREGATE_TYPES) {
                if (queries.ask(new FindAuditTrail(type, id, 0, 1), AuditTrailPage.class) != null) {
                    hits.add(new LookupHit.InEventStreamOnly(type, id));
                }
            }
        }
        if (hits.isEmpty() && queries.ask(new FindCausalTimeline(TimelineSubject.PAYOUT, id, null, 1), CausalTimelinePage.class) != null) {
            hits.add(new LookupHit.Payout(id));
        }
        return hits;
    }

    /** The booking as staff see it now (refunds and who asked for them included), or null. */
    @Nullable BookingView booking(BookingId bookingId) {
        return queries.ask(new FindBookingForStaff(bookingId), BookingView.class);
    }
}
