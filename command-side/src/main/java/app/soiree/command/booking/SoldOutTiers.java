package app.soiree.command.booking;

import app.soiree.api.gathering.BookingCancelled;
import app.soiree.api.gathering.GatheringCancelled;
import app.soiree.api.gathering.GatheringEdited;
import app.soiree.api.gathering.GatheringEnded;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.HoldExpired;
import app.soiree.api.gathering.SoldOut;
import app.soiree.api.gathering.TierId;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The tiers a hold just found sold out, remembered for a moment, so that the crowd arriving after the last seat is
 * answered SOLD_OUT at once instead of queueing on the gathering's lock behind the holds that can still succeed. In
 * a booking rush nine guests in ten are refused; each refusal used to take a unit of work, a database transaction
 * and its turn on the gathering.
 *
 * <p>A mark says how many seats the gathering answered were left (or the line in front of it, {@code HoldBatches}, once
 * the holds it has yet to decide ask for the rest: should one of those be refused after all, its seat is offered again
 * when the mark lapses); a request for more is refused. Seats only come
 * back through events of the gathering (a hold expires or is given back, a booking is cancelled, the tiers are
 * edited, the gathering is cancelled; and when it ends, the refusal is another): each of them forgets the gathering's marks at once, in the same unit of work,
 * as this is a subscribing processor. A mark taken while such an event happened is not kept. Whatever this node did
 * not see (another replica's events) a mark outlives by at most {@code soiree.booking.sold-out-memory}.
 */
@Component
@ProcessingGroup(SoldOutTiers.PROCESSING_GROUP)
class SoldOutTiers {

    static final String PROCESSING_GROUP = "sold-out-tiers";

    private final Cache<GatheringId, Map<TierId, Integer>> marks;
    /** Counts the times marks were forgotten; a mark is kept only if none was forgotten while it was being taken. */
    private final AtomicLong forgettings = new AtomicLong();

    SoldOutTiers(@Value("${soiree.booking.sold-out-memory:PT1S}") Duration memory) {
        if (memory.isNegative()) {
            throw new IllegalArgumentException("soiree.booking.sold-out-memory must not be negative");
        }
        this.marks = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(memory).build();
    }

    /** The answer the gathering would give a request for {@code quantity} seats of this tier, if it is known. */
    Optional<SoldOut> answerFor(GatheringId gatheringId, TierId tierId, int quantity) {
        Map<TierId, Integer> tiers = marks.getIfPresent(gatheringId);
        Integer available = tiers == null ? null : tiers.get(tierId);
        return available != null && available < quantity ? Optional.of(new SoldOut(available)) : Optional.empty();
    }

    /** To be read before the hold is asked for, and handed to {@link #remember}. */
    long moment() {
        return forgettings.get();
    }

    void remember(GatheringId gatheringId, TierId tierId, SoldOut answer, long askedAt) {
        marks.asMap().compute(gatheringId, (id, tiers) -> {
            Map<TierId, Integer> updated = tiers == null ? new ConcurrentHashMap<>() : tiers;
            updated.put(tierId, answer.available());
            return updated;
        });
        if (forgettings.get() != askedAt) {
            forget(gatheringId); // seats may have come back while the gathering was answering: the mark may be stale
        }
    }

    @EventHandler
    void on(HoldExpired event) {
        forget(event.gatheringId());
    }

    @EventHandler
    void on(BookingCancelled event) {
        forget(event.gatheringId());
    }

    @EventHandler
    void on(GatheringEdited event) {
        forget(event.gatheringId());
    }

    @EventHandler
    void on(GatheringCancelled event) {
        forget(event.gatheringId());
    }

    /** Not a seat given back, but the gathering now refuses bookings for another reason, which it should be the one to say. */
    @EventHandler
    void on(GatheringEnded event) {
        forget(event.gatheringId());
    }

    private void forget(GatheringId gatheringId) {
        forgettings.incrementAndGet();
        marks.invalidate(gatheringId);
    }
}
