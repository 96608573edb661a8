package app.soiree.console.lookup;

import app.soiree.api.Money;
import app.soiree.api.audit.CausalTimelinePage;
import app.soiree.api.audit.FindCausalTimeline;
import app.soiree.api.audit.TimelineActorView;
import app.soiree.api.audit.TimelineEventView;
import app.soiree.api.identity.ActorKind;
import app.soiree.api.ledger.Posting;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.queryhandling.QueryHandler;
import org.jspecify.annotations.Nullable;

/**
 * One booking's causal timeline as the query side answers it, paged by cursor: a guest's hold, the provider's capture
 * (with postings), the saga's confirmation caused by the capture, and the release a deadline made later.
 */
public class TestTimelines {

    public static final UUID BOOKING = UUID.fromString("5a1f0000-0000-4000-8000-0000000000b1");
    public static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    public final List<FindCausalTimeline> asked = new CopyOnWriteArrayList<>();

    public static final List<TimelineEventView> STORY = List.of(
            event("e-held", 10, "SeatsHeld", new TimelineActorView("5a1f0000-0000-4000-8000-0000000000c1", "GUEST", ActorKind.USER, null),
                    "command:HoldSeats", null, null, "{\"bookingId\":\"" + BOOKING + "\"}"),
            event("e-captured", 14, "PaymentCaptured", new TimelineActorView(null, null, ActorKind.PROVIDER, "stripe"),
                    "command:CapturePayment", null, List.of(Posting.debit("platform:stripe", Money.of(2500, "EUR")),
                            Posting.credit("platform:fees", Money.of(2500, "EUR"))), "{\"amount\":{\"amount\":2500,\"currency\":\"EUR\"}}"),
            event("e-confirmed", 17, "SeatsConfirmed", new TimelineActorView(null, null, ActorKind.PROVIDER, "stripe"),
                    "command:ConfirmSeats", "e-captured", null, "{\"bookingId\":\"" + BOOKING + "\"}"),
            event("e-released", 40, "EarningsReleased", new TimelineActorView(null, null, ActorKind.DEADLINE, null),
                    "deadline:releaseEarnings", null, null, "{}"));

    @QueryHandler
    @Nullable CausalTimelinePage handle(FindCausalTimeline query) {
        asked.add(query);
        if (!query.id().equals(BOOKING)) {
            return null;
        }
        long after = query.cursor() == null ? -1 : Long.parseLong(query.cursor());
        List<TimelineEventView> rest = STORY.stream().filter(event -> event.position() > after).toList();
        List<TimelineEventView> page = rest.stream().limit(query.limit()).toList();
        String next = rest.size() > page.size() ? Long.toString(page.getLast().position()) : null;
        return new CausalTimelinePage(query.subject(), query.id(), page, next);
    }

    public void reset() {
        asked.clear();
    }

    private static TimelineEventView event(String id, long position, String type, TimelineActorView actor, String causationType,
                                           @Nullable String causingEventId, @Nullable List<Posting> postings, String payload) {
        return new TimelineEventView(id, position, type, T0.plusSeconds(position), "Gathering", BOOKING.toString(), position, actor,
                "cause-of-" + id, causationType, causingEventId, "root-1", postings, payload);
    }
}
