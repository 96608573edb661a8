package app.soiree.console.lookup;

import app.soiree.api.booking.BookingView;
import app.soiree.api.gathering.GatheringView;
import app.soiree.api.identity.UserProfileView;
import java.util.UUID;

/** Something a search found. */
sealed interface LookupHit {

    record User(UserProfileView user) implements LookupHit {
    }

    record Gathering(GatheringView gathering) implements LookupHit {
    }

    /** {@code matchedBy}: what the search text was, e.g. "payment id" or "provider reference". */
    record Booking(BookingView booking, String matchedBy) implements LookupHit {
    }

    /**
     * An id the event stream knows but no read model shows (a draft gathering, or one whose events are
     * still being projected): its audit timeline is all there is.
     */
    record InEventStreamOnly(String aggregateType, UUID id) implements LookupHit {
    }

    /** A payout: no read model here finds one by id, its causal timeline does. */
    record Payout(UUID payoutId) implements LookupHit {
    }
}
