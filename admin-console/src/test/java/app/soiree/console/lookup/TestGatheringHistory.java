package app.soiree.console.lookup;

import app.soiree.api.Money;
import app.soiree.api.gathering.FindGatheringAsOf;
import app.soiree.api.gathering.GatheringAsOfResult;
import app.soiree.api.gathering.GatheringAsOfView;
import app.soiree.api.gathering.GatheringAsOfView.TierAsOf;
import app.soiree.api.gathering.GatheringAsOfView.WaitingGuest;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.GatheringStatus;
import app.soiree.api.gathering.TierId;
import app.soiree.api.identity.UserId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.queryhandling.QueryHandler;
import org.jspecify.annotations.Nullable;

/**
 * One gathering's past as time travel answers it: a draft when created (at a moment with milliseconds, as stored
 * times have them), then, from an hour later, published with its Seat tier full and two guests waiting in order.
 */
public class TestGatheringHistory {

    public static final GatheringId GATHERING = new GatheringId(UUID.fromString("5a1f0000-0000-4000-8000-0000000000d1"));
    public static final Instant CREATED = Instant.parse("2026-11-20T18:00:00.250Z");
    public static final Instant PUBLISHED = CREATED.plusSeconds(3600);
    public static final TierId SEAT = new TierId(UUID.fromString("5a1f0000-0000-4000-8000-0000000000e1"));
    public static final TierId STANDING = new TierId(UUID.fromString("5a1f0000-0000-4000-8000-0000000000e2"));
    public static final UserId ADA = new UserId(UUID.fromString("5a1f0000-0000-4000-8000-0000000000f1"));
    public static final UserId BEA = new UserId(UUID.fromString("5a1f0000-0000-4000-8000-0000000000f2"));

    public final List<FindGatheringAsOf> asked = new CopyOnWriteArrayList<>();

    public void reset() {
        asked.clear();
    }

    @QueryHandler
    @Nullable GatheringAsOfResult handle(FindGatheringAsOf query) {
        asked.add(query);
        if (!query.gatheringId().equals(GATHERING)) {
            return null;
        }
        return new GatheringAsOfResult(CREATED, query.at().isBefore(CREATED) ? null : asItStood(query.at()));
    }

    private static GatheringAsOfView asItStood(Instant at) {
        boolean published = !at.isBefore(PUBLISHED);
        List<TierAsOf> tiers = List.of(
                new TierAsOf(SEAT, "Seat", Money.of(2500, "EUR"), 2, published ? 1 : 0, published ? 1 : 0, published ? 0 : 2),
                new TierAsOf(STANDING, "Standing", Money.of(0, "EUR"), 10, 0, published ? 4 : 0, published ? 6 : 10));
        List<WaitingGuest> waitlist = published ? List.of(new WaitingGuest(ADA, SEAT, 1), new WaitingGuest(BEA, SEAT, 2)) : List.of();
        return new GatheringAsOfView(GATHERING, at, published ? GatheringStatus.PUBLISHED : GatheringStatus.DRAFT, "Supper club",
                Instant.parse("2026-12-20T19:00:00Z"), Instant.parse("2026-12-20T23:00:00Z"), tiers, waitlist, published ? 9 : 1,
                published ? PUBLISHED : CREATED);
    }
}
