package app.soiree.query.social;

import app.soiree.api.gathering.GatheringStatus;
import app.soiree.query.gathering.GatheringCards;
import app.soiree.query.gathering.GatheringListing;
import app.soiree.query.paging.Cursor;
import app.soiree.query.paging.KeysetPage;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A reader's feed, built when it is read (fan-out on read; why, see docs/architecture.md "Feed"): the upcoming
 * published gatherings of the hosts they follow, and those featured or promoted now, newest published first, each once,
 * never one of their own and never one of a host who blocked them or whom they blocked. Keyset paging on
 * (published_at, gathering_id): gatherings published while a reader pages come before their cursor, so later pages
 * neither repeat nor skip an item.
 * <p>
 * The choice is made in {@code feed_gatherings} (a host's few upcoming gatherings, by {@code (host_id, published_at)});
 * the same statement renders the page's items only, from the gatherings read model. The plan for a reader who follows
 * 1 000 of 10 000 hosts with 40 000 gatherings ({@code FeedPerformanceTest} logs it): a bitmap scan of the reader's
 * follows ({@code follows_pkey}), then per followed host a memoized, limited scan of {@code feed_gatherings_by_host}
 * (about 2 rows each, ~1 800 in all), appended to the featured and promoted ones found by primary key, grouped by a hash
 * aggregate (one row per gathering with all its reasons), blocked hosts removed against a hashed set, a top-N heapsort
 * down to the page, and per item one primary-key probe of the gathering and one index scan of its tiers. Its cost grows
 * with the hosts followed, not with the gatherings stored. Measured with pgbench on the 2-core machine (docs/benchmarks.md,
 * "Feed"), this statement runs about 2 900 times a second with 20 clients; with three probes per item for its reasons
 * and two scans of each gathering's tiers, 2 200 to 2 800.
 */
@Component
class Feed {

    private static final String UPCOMING = " f.published_at is not null and f.starts_at > :now";
    private static final String BELOW_CURSOR = " and (f.published_at, f.gathering_id) < (:at, :id)";

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    Feed(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * One statement: the page and its items' listings together. No transaction: it would add a round trip and give
     * nothing, the statement being one snapshot.
     */
    KeysetPage<FeedItem> of(UUID reader, @Nullable Cursor after, int limit) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("me", reader).addValue("now", Timestamp.from(clock.instant()))
                .addValue("rows", KeysetPage.rowsToFetch(limit));
        if (after != null) {
            parameters.addValue("at", Timestamp.from(after.at())).addValue("id", after.id());
        }
        List<Chosen> chosen = jdbc.query(sql(after != null), parameters, (row, number) -> new Chosen(row.getObject("gathering_id", UUID.class),
                SocialReads.instant(row, "published_at"), row.getBoolean("followed"), row.getBoolean("featured"), row.getBoolean("promoted"),
                GatheringCards.listing(row).orElse(null)));
        KeysetPage<Chosen> page = KeysetPage.of(chosen, limit, item -> new Cursor(item.publishedAt(), item.gatheringId()));
        // A gathering the gatherings read model does not show as published yet (it lags a moment) is left out of this page.
        List<FeedItem> items = new ArrayList<>();
        for (Chosen item : page.items()) {
            GatheringListing listing = item.listing();
            if (listing != null && listing.status() == GatheringStatus.PUBLISHED) {
                items.add(item.render(listing));
            }
        }
        return new KeysetPage<>(items, page.nextCursor());
    }

    /**
     * Each followed host gives at most a page of its newest gatherings below the cursor (an index range, LATERAL so that
     * the planner cannot trade it for a scan of every gathering); featured and promoted ones are a handful. Each branch
     * says why its rows are there, and the page groups a gathering's rows into one with every reason: no probe per item.
     * Blocks either way are read once, as a hashed set of users.
     */
    static String sql(boolean belowCursor) {
        String cursor = belowCursor ? BELOW_CURSOR : "";
        return """
                with hidden_hosts as (
                    select blocked_id as user_id from user_blocks where blocker_id = :me
                    union all
                    select blocker_id from user_blocks where blocked_id = :me
                    union all
                    select :me
                ),
                chosen as (
                    select f.gathering_id, f.published_at, f.host_id, true as followed, false as featured, false as promoted
                    from follows fo
                    cross join lateral (
                        select f.gathering_id, f.published_at, f.host_id from feed_gatherings f
                        where f.host_id = fo.followee_id and""" + UPCOMING + cursor + """

                        order by f.published_at desc, f.gathering_id desc limit :rows) f
                    where fo.follower_id = :me and fo.state = 'FOLLOWING'
                    union all
                    select f.gathering_id, f.published_at, f.host_id, false, true, false from featured_gatherings fg
                    join feed_gatherings f on f.gathering_id = fg.gathering_id
                    where fg.featured_from <= :now and fg.featured_until > :now and""" + UPCOMING + cursor + """

                    union all
                    select f.gathering_id, f.published_at, f.host_id, false, false, true from gathering_promotions gp
                    join feed_gatherings f on f.gathering_id = gp.gathering_id
                    where gp.status = 'PAID' and gp.promoted_from <= :now and gp.promoted_until > :now and""" + UPCOMING + cursor + """

                ),
                page as (
                    select f.gathering_id, f.published_at, bool_or(f.followed) as followed, bool_or(f.featured) as featured,
                           bool_or(f.promoted) as promoted
                    from chosen f
                    where f.host_id not in (select user_id from hidden_hosts)
                    group by f.gathering_id, f.published_at
                    order by f.published_at desc, f.gathering_id desc limit :rows
                )
                select p.gathering_id, p.published_at, p.followed, p.featured, p.promoted,
                """ + GatheringCards.LISTING_COLUMNS + """

                from page p
                """ + GatheringCards.listingJoins("p.gathering_id") + """

                order by p.published_at desc, p.gathering_id desc""";
    }

    private record Chosen(UUID gatheringId, Instant publishedAt, boolean followed, boolean featured, boolean promoted,
                          @Nullable GatheringListing listing) {

        FeedItem render(GatheringListing listing) {
            FeedItem.Reason reason = followed ? FeedItem.Reason.FOLLOWING : featured ? FeedItem.Reason.FEATURED : FeedItem.Reason.PROMOTED;
            return new FeedItem(reason, promoted, publishedAt, new FeedItem.Gathering(listing.gatheringId(), listing.title(),
                    listing.startsAt(), listing.hostId(), listing.coverMediaId(), listing.lowestPrice(), listing.available()));
        }
    }
}
