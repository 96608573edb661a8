package app.soiree.api.gathering;

import app.soiree.api.Money;
import app.soiree.api.identity.UserId;
import java.time.Instant;
import java.util.List;

/**
 * A gathering as it stood at {@code at}, rebuilt from its own events ({@link FindGatheringAsOf}, and the staff API's
 * {@code GET /api/staff/gatherings/{id}/as-of}): its status, each tier's seats and who waited for one, in the order they
 * joined. {@code eventsApplied} counts the gathering's events up to {@code at}; {@code lastEventAt} is when the last
 * of them happened, so a reader sees how old the state shown is.
 */
public record GatheringAsOfView(GatheringId gatheringId, Instant at, GatheringStatus status, String title, Instant startsAt,
                                Instant endsAt, List<TierAsOf> tiers, List<WaitingGuest> waitlist, int eventsApplied,
                                Instant lastEventAt) {

    /** {@code held}: seats set aside for a payment still awaited; {@code available}: neither held nor confirmed. */
    public record TierAsOf(TierId tierId, String name, Money price, int capacity, int held, int confirmed, int available) {
    }

    /** {@code position}: the place in the line of this guest's tier, counted from 1. */
    public record WaitingGuest(UserId userId, TierId tierId, int position) {
    }
}
