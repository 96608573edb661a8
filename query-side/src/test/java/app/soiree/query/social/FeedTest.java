package app.soiree.query.social;

import static app.soiree.query.social.SocialScenario.registered;
import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.Money;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.GatheringPublished;
import app.soiree.api.gathering.SeatsHeld;
import app.soiree.api.gathering.Tier;
import app.soiree.api.identity.Actor;
import app.soiree.api.identity.Role;
import app.soiree.api.identity.UserId;
import app.soiree.query.GatheringScenario;
import app.soiree.query.ProjectionTest;
import app.soiree.query.paging.Cursor;
import app.soiree.query.paging.KeysetPage;
import app.soiree.query.paging.PageLimit;
import app.soiree.query.paging.PageResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code GET /api/me/feed}, fed with gathering and social events, featured and promoted rows written as their read models write them. */
class FeedTest extends ProjectionTest {

    /** The feed reads the system clock: gatherings start relative to it. */
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    static final Instant UPCOMING = NOW.plus(Duration.ofDays(20));
    static final Instant PUBLISHING = NOW.minus(Duration.ofDays(5));

    @Autowired
    SocialController controller;

    @Autowired
    Feed feed;

    final SocialScenario social = new SocialScenario();
    final UserId reader = UserId.random();
    final UserId followed = UserId.random();
    final UserId other = UserId.random();
    int published;

    @BeforeEach
    void theReaderFollowsOneHost() {
        events.publish(registered(reader, "Rea"), registered(followed, "Fay"), registered(other, "Otto"), social.follows(reader, followed));
    }

    @Test
    void onlyFollowedFeaturedAndPromotedGatheringsComeNewestPublishedFirstEachOnceWithTheirReason() {
        GatheringScenario first = publish(followed);
        GatheringScenario featured = publish(other);
        GatheringScenario second = publish(followed);
        GatheringScenario promoted = publish(other);
        publish(other);
        GatheringScenario followedAndPromoted = publish(followed);
        GatheringScenario featuredAndPromoted = publish(other);
        GatheringScenario unpaidPromotion = publish(other);
        GatheringScenario featuredLater = publish(other);
        feature(featured.id(), NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(1)));
        feature(featuredAndPromoted.id(), NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(1)));
        feature(featuredLater.id(), NOW.plus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(1)));
        promote(promoted.id(), "PAID", NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(1)));
        promote(followedAndPromoted.id(), "PAID", NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(1)));
        promote(featuredAndPromoted.id(), "PAID", NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(1)));
        promote(unpaidPromotion.id(), "REFUNDED", NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(1)));

        List<FeedItem> items = feed(reader, null, null).items();

        assertThat(items).extracting(item -> item.gathering().gatheringId()).containsExactly(featuredAndPromoted.id(),
                followedAndPromoted.id(), promoted.id(), second.id(), featured.id(), first.id());
        assertThat(items).extracting(FeedItem::reason).containsExactly(FeedItem.Reason.FEATURED, FeedItem.Reason.FOLLOWING,
                FeedItem.Reason.PROMOTED, FeedItem.Reason.FOLLOWING, FeedItem.Reason.FEATURED, FeedItem.Reason.FOLLOWING);
        assertThat(items).extracting(FeedItem::promoted).containsExactly(true, true, true, false, false, false);
        assertThat(items.getLast().at()).isEqualTo(PUBLISHING.plus(Duration.ofMinutes(1)));
    }

    @Test
    void anItemShowsTheGatheringAsItIsNowWithItsCheapestTierThatHasSeats() {
        Tier earlyBird = GatheringScenario.paidTier("Early bird", 1500, 2);
        GatheringScenario dinner = GatheringScenario.hostedBy(followed).startingAt(UPCOMING).titled("Supper club", "Five courses")
                .withTiers(GatheringScenario.paidTier("Standard", 2500, 10), earlyBird);
        publish(dinner);
        SeatsHeld earlyBirds = dinner.held(UserId.random(), earlyBird, 2, GatheringScenario.NOW);
        events.publish(earlyBirds, dinner.confirmed(earlyBirds));

        FeedItem.Gathering shown = feed(reader, null, null).items().getFirst().gathering();

        assertThat(shown.title()).isEqualTo("Supper club");
        assertThat(shown.hostId()).isEqualTo(followed);
        assertThat(shown.startsAt()).isEqualTo(UPCOMING);
        assertThat(shown.lowestPrice()).isEqualTo(Money.of(2500, "EUR"));
        assertThat(shown.available()).isEqualTo(10);
        assertThat(shown.coverMediaId()).isNull();
    }

    @Test
    void pagesStayStableWhileNewGatheringsArePublished() {
        List<GatheringId> older = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            older.add(publish(followed).id());
        }

        PageResponse<FeedItem> first = feed(reader, null, 2);
        GatheringScenario newer = publish(followed);
        PageResponse<FeedItem> second = feed(reader, first.nextCursor(), 2);
        PageResponse<FeedItem> third = feed(reader, second.nextCursor(), 2);

        List<GatheringId> seen = new ArrayList<>();
        for (PageResponse<FeedItem> page : List.of(first, second, third)) {
            page.items().forEach(item -> seen.add(item.gathering().gatheringId()));
        }
        assertThat(seen).containsExactly(older.get(4), older.get(3), older.get(2), older.get(1), older.get(0));
        assertThat(third.nextCursor()).isNull();
        assertThat(feed(reader, null, 1).items().getFirst().gathering().gatheringId()).isEqualTo(newer.id());
    }

    @Test
    void neverAGatheringOfAHostWhoBlockedTheReaderOrWhomTheReaderBlockedNorTheReadersOwn() {
        UserId blockedByReader = UserId.random();
        UserId blockerOfReader = UserId.random();
        events.publish(registered(blockedByReader, "Bo"), registered(blockerOfReader, "Bea"),
                social.blocks(reader, blockedByReader), social.blocks(blockerOfReader, reader));
        GatheringScenario fromBlocked = publish(blockedByReader);
        GatheringScenario fromBlocker = publish(blockerOfReader);
        GatheringScenario own = publish(reader);
        GatheringScenario fine = publish(other);
        for (GatheringScenario gathering : List.of(fromBlocked, fromBlocker, own, fine)) {
            feature(gathering.id(), NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(1)));
            promote(gathering.id(), "PAID", NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(1)));
        }

        assertThat(feed(reader, null, null).items()).extracting(item -> item.gathering().gatheringId()).containsExactly(fine.id());
    }

    @Test
    void neverADraftACancelledAStartedOrAnEndedGatheringNorOneOfAHostOnlyAskedToFollow() {
        UserId asked = UserId.random();
        events.publish(registered(asked, "Ada"), social.asks(reader, asked));
        GatheringScenario draft = GatheringScenario.hostedBy(followed).startingAt(UPCOMING);
        events.publish(draft.created());
        GatheringScenario cancelled = publish(followed);
        events.publish(cancelled.cancelled());
        GatheringScenario ended = publish(followed);
        events.publish(ended.ended());
        publish(GatheringScenario.hostedBy(followed).startingAt(NOW.minus(Duration.ofMinutes(10))));
        publish(asked);
        GatheringScenario upcoming = publish(followed);
        feature(draft.id(), NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(1)));
        feature(cancelled.id(), NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(1)));

        assertThat(feed(reader, null, null).items()).extracting(item -> item.gathering().gatheringId()).containsExactly(upcoming.id());
    }

    @Test
    void unfollowingAHostTakesTheirGatheringsOut() {
        publish(followed);
        events.publish(social.ended(reader, followed, app.soiree.api.social.FollowEndReason.UNFOLLOWED));

        assertThat(feed(reader, null, null).items()).isEmpty();
    }

    private GatheringScenario publish(UserId host) {
        return publish(GatheringScenario.hostedBy(host).startingAt(UPCOMING));
    }

    /** Each published a minute after the one before. */
    private GatheringScenario publish(GatheringScenario gathering) {
        published++;
        events.publish(gathering.created(),
                new GatheringPublished(gathering.id(), gathering.host(), PUBLISHING.plus(Duration.ofMinutes(published))));
        return gathering;
    }

    private void feature(GatheringId gatheringId, Instant from, Instant until) {
        jdbc.sql("insert into featured_gatherings values (?, ?, ?, ?, ?)").params(gatheringId.value(), Timestamp.from(from),
                Timestamp.from(until), UUID.randomUUID(), Timestamp.from(NOW)).update();
    }

    private void promote(GatheringId gatheringId, String status, Instant from, Instant until) {
        jdbc.sql("""
                        insert into gathering_promotions (promotion_id, gathering_id, host_id, budget_minor, currency, promoted_from,
                                                          promoted_until, status, paid_at)
                        values (?, ?, ?, 5000, 'EUR', ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), gatheringId.value(), UUID.randomUUID(), Timestamp.from(from), Timestamp.from(until), status,
                        Timestamp.from(NOW)).update();
    }

    /**
     * The page as the API answers it, after checking that every way of finding it agrees: host by host, the walk, and a
     * walk that gives way to host by host after passing a single gathering.
     */
    private PageResponse<FeedItem> feed(UserId userId, @Nullable String cursor, @Nullable Integer limit) {
        int pageSize = PageLimit.validated(limit);
        KeysetPage<FeedItem> hostByHost = feed.of(userId.value(), Cursor.decode(cursor), pageSize, Feed.Way.HOST_BY_HOST);
        assertThat(feed.of(userId.value(), Cursor.decode(cursor), pageSize, Feed.Way.WALK)).isEqualTo(hostByHost);
        assertThat(feed.of(userId.value(), Cursor.decode(cursor), pageSize, new Feed.Way(1, 1))).isEqualTo(hostByHost);
        PageResponse<FeedItem> answered = controller.feed(new Actor(userId, Set.of(Role.GUEST)), cursor, limit);
        assertThat(answered.items()).isEqualTo(hostByHost.items());
        assertThat(answered.nextCursor()).isEqualTo(hostByHost.nextCursor());
        return answered;
    }
}
