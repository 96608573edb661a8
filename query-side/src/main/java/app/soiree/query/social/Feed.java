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
 * The followed hosts' gatherings are found in {@code feed_gatherings} in one of two ways, whichever costs less for the
 * reader ({@link Way}), in the same statement (a one-time filter on how many hosts the reader follows leaves the other
 * way unexecuted):
 * <ul>
 * <li><b>host by host</b>, for a reader who follows few: a short index range of {@code feed_gatherings_by_host} per
 * followed host (one index descent each);
 * <li><b>the walk</b>, for a reader who follows many: every upcoming gathering newest first ({@code feed_gatherings_newest}),
 * kept when a probe of {@code follows_pkey} says the reader follows its host, until the page is full. Its length is
 * bounded: when the walk has passed its budget of gatherings without filling the page (the reader's hosts published
 * long ago, others since), the page is found host by host after all, so a page never costs much more than host by host.
 * </ul>
 * Featured and promoted ones are a handful, found by primary key. The same statement renders the page's items only, from
 * the gatherings read model. {@code FeedPerformanceTest} logs the plans on a realistic store and checks that every way
 * gives every kind of reader the same pages; {@code FeedTest} checks every case each way.
 */
@Component
class Feed {

    private static final String UPCOMING = " f.published_at is not null and f.starts_at > :now";
    private static final String BELOW_CURSOR = " and (f.published_at, f.gathering_id) < (:at, :id)";

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final PublishingHosts publishingHosts;

    Feed(NamedParameterJdbcTemplate jdbc, Clock clock, PublishingHosts publishingHosts) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.publishingHosts = publishingHosts;
    }

    /**
     * One statement: the page and its items' listings together. No transaction: it would add a round trip and give
     * nothing, the statement being one snapshot.
     */
    KeysetPage<FeedItem> of(UUID reader, @Nullable Cursor after, int limit) {
        return of(reader, after, limit, Way.cheapest(KeysetPage.rowsToFetch(limit), publishingHosts.count()));
    }

    KeysetPage<FeedItem> of(UUID reader, @Nullable Cursor after, int limit, Way way) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("me", reader).addValue("now", Timestamp.from(clock.instant()))
                .addValue("rows", KeysetPage.rowsToFetch(limit)).addValue("walkFrom", way.walkFrom()).addValue("walkBudget", way.walkBudget());
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
     * Which way a page is found: the walk when the reader follows at least {@code walkFrom} hosts, passing at most
     * {@code walkBudget} gatherings before it gives way to host by host.
     */
    record Way(int walkFrom, int walkBudget) {

        static final Way HOST_BY_HOST = new Way(Integer.MAX_VALUE, 0);
        static final Way WALK = new Way(1, Integer.MAX_VALUE);

        /**
         * Host by host costs one index descent per followed host (F). The walk costs one index step and one primary-key
         * probe per upcoming gathering it passes, and passes about rows &times; H / F of them to fill the page when F of the
         * H publishing hosts are followed and hosts publish alike. The two are even at F = &radic;(rows &times; H): with 1 000
         * publishing hosts and pages of 20, from 145 hosts followed. From there on the walk expects to pass at most that many
         * gatherings; it may pass four times as many before it gives way, so a reader whose hosts publish less than the
         * others costs at most about five times host by host, never a walk through every upcoming gathering.
         */
        static Way cheapest(int rows, long publishingHosts) {
            int walkFrom = (int) Math.max(rows, Math.ceil(Math.sqrt((double) rows * publishingHosts)));
            return new Way(walkFrom, 4 * walkFrom);
        }
    }

    /**
     * Host by host, each followed host gives at most a page of its newest gatherings below the cursor (an index range,
     * LATERAL so that the planner cannot trade it for a scan of every gathering). The walk's budget is an inner LIMIT under
     * the same order, so that it stops as soon as the page is full (the count of what it could pass is the same subquery,
     * so that it reads the same index range, not the table); it asks whether the reader follows a gathering's host
     * with a scalar subquery, not a join, so that no plan can turn it back into host by host. Host by host runs when the
     * reader follows few, or when the walk found less than a page and there were more upcoming gatherings than its
     * budget (then both give rows, and the page merges them). Each branch says why its rows are there, and the page groups
     * a gathering's rows into one with every reason: no probe per item. Blocks either way are read once, as a hashed set
     * of users.
     */
    static String sql(boolean belowCursor) {
        String cursor = belowCursor ? BELOW_CURSOR : "";
        // what the walk may pass, newest first: read by the walk, and counted when the walk found less than a page
        String walkable = "select f.gathering_id, f.published_at, f.host_id from feed_gatherings f where (select hosts from reach) >= :walkFrom and"
                + UPCOMING + cursor + " order by f.published_at desc, f.gathering_id desc limit :walkBudget";
        return """
                with hidden_hosts as (
                    select blocked_id as user_id from user_blocks where blocker_id = :me
                    union all
                    select blocker_id from user_blocks where blocked_id = :me
                    union all
                    select :me
                ),
                reach as (
                    select count(*) as hosts from (select from follows where follower_id = :me and state = 'FOLLOWING' limit :walkFrom) f
                ),
                walked as (
                    select f.gathering_id, f.published_at, f.host_id
                    from (""" + walkable + """
                    ) f
                    where f.host_id not in (select user_id from hidden_hosts)
                      and (select true from follows fo where fo.follower_id = :me and fo.followee_id = f.host_id and fo.state = 'FOLLOWING')
                    order by f.published_at desc, f.gathering_id desc limit :rows
                ),
                chosen as (
                    select f.gathering_id, f.published_at, f.host_id, true as followed, false as featured, false as promoted
                    from walked f
                    union all
                    select f.gathering_id, f.published_at, f.host_id, true, false, false
                    from follows fo
                    cross join lateral (
                        select f.gathering_id, f.published_at, f.host_id from feed_gatherings f
                        where f.host_id = fo.followee_id and""" + UPCOMING + cursor + """

                        order by f.published_at desc, f.gathering_id desc limit :rows) f
                    where fo.follower_id = :me and fo.state = 'FOLLOWING'
                      and ((select hosts from reach) < :walkFrom
                           or ((select count(*) from walked) < :rows
                               and (select count(*) from (""" + walkable + """
                ) f) >= :walkBudget))
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
