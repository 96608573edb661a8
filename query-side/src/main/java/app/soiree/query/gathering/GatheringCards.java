package app.soiree.query.gathering;

import app.soiree.api.Money;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.GatheringStatus;
import app.soiree.api.identity.UserId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Gathering cards for other read models, many at once, read from the live gatherings table. */
@Component
public class GatheringCards {

    private final NamedParameterJdbcTemplate jdbc;

    GatheringCards(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The cards of those gatherings this read model knows; one not (yet) projected is missing from the map. */
    public Map<UUID, GatheringCard> of(Collection<UUID> gatheringIds) {
        Map<UUID, GatheringCard> cards = new HashMap<>();
        if (gatheringIds.isEmpty()) {
            return cards;
        }
        jdbc.query("select id, title, starts_at, status from gatherings where id in (:ids)",
                new MapSqlParameterSource("ids", new ArrayList<>(gatheringIds)),
                row -> {
                    UUID id = row.getObject("id", UUID.class);
                    cards.put(id, new GatheringCard(new GatheringId(id), row.getString("title"), GatheringRow.instant(row, "starts_at"),
                            GatheringStatus.valueOf(row.getString("status"))));
                });
        return cards;
    }

    /**
     * The listings of those gatherings this read model knows that have tiers; one not (yet) projected is missing from the
     * map. One statement, its cost in the number asked for (a page).
     */
    public Map<UUID, GatheringListing> listings(Collection<UUID> gatheringIds) {
        Map<UUID, GatheringListing> listings = new HashMap<>();
        if (gatheringIds.isEmpty()) {
            return listings;
        }
        jdbc.query("""
                        select g.id, g.title, g.starts_at, g.host_id, g.cover_media_id, g.status, cheapest.price_amount, cheapest.price_currency,
                               seats.available
                        from gatherings g
                        cross join lateral (select price_amount, price_currency from gathering_tiers t where t.gathering_id = g.id
                                            order by t.capacity - t.held - t.confirmed > 0 desc, t.price_amount, t.position limit 1) cheapest
                        cross join lateral (select coalesce(sum(greatest(t.capacity - t.held - t.confirmed, 0)), 0) as available
                                            from gathering_tiers t where t.gathering_id = g.id) seats
                        where g.id in (:ids)""",
                new MapSqlParameterSource("ids", new ArrayList<>(gatheringIds)),
                row -> {
                    UUID id = row.getObject("id", UUID.class);
                    listings.put(id, new GatheringListing(new GatheringId(id), row.getString("title"), GatheringRow.instant(row, "starts_at"),
                            new UserId(row.getObject("host_id", UUID.class)), row.getObject("cover_media_id", UUID.class),
                            GatheringStatus.valueOf(row.getString("status")),
                            Money.of(row.getLong("price_amount"), row.getString("price_currency").strip()), row.getInt("available")));
                });
        return listings;
    }
}
