package app.soiree.query.gathering;

import app.soiree.api.Money;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.GatheringStatus;
import app.soiree.api.identity.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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
     * The columns of a gathering's listing, for a query that joins {@link #listingJoins} to its own rows: so a page of
     * another read model and its cards are one statement. Read back with {@link #listing}.
     */
    public static final String LISTING_COLUMNS = """
            g.id as listing_id, g.title as listing_title, g.starts_at as listing_starts_at, g.host_id as listing_host_id,
            g.cover_media_id as listing_cover_media_id, g.status as listing_status, cheapest.price_amount as listing_price_amount,
            cheapest.price_currency as listing_price_currency, cheapest.available as listing_available""";

    /**
     * Left joins that find the listing of the gathering whose id is in {@code gatheringIdColumn}: the cheapest tier that
     * still has seats (else the cheapest) and the seats left across tiers, in one pass over its tiers. A gathering this
     * read model does not know yet, or one without tiers, gives nulls.
     */
    public static String listingJoins(String gatheringIdColumn) {
        return """
                left join gatherings g on g.id = %1$s
                left join lateral (select t.price_amount, t.price_currency,
                                          sum(greatest(t.capacity - t.held - t.confirmed, 0)) over () as available
                                   from gathering_tiers t where t.gathering_id = g.id
                                   order by t.capacity - t.held - t.confirmed > 0 desc, t.price_amount, t.position limit 1) cheapest on true""".formatted(gatheringIdColumn);
    }

    /** The listing in a row of a query with {@link #LISTING_COLUMNS} and {@link #listingJoins}; empty when it had none. */
    public static Optional<GatheringListing> listing(ResultSet row) throws SQLException {
        UUID id = row.getObject("listing_id", UUID.class);
        String currency = row.getString("listing_price_currency");
        if (id == null || currency == null) {
            return Optional.empty();
        }
        return Optional.of(new GatheringListing(new GatheringId(id), row.getString("listing_title"), GatheringRow.instant(row, "listing_starts_at"),
                new UserId(row.getObject("listing_host_id", UUID.class)), row.getObject("listing_cover_media_id", UUID.class),
                GatheringStatus.valueOf(row.getString("listing_status")), Money.of(row.getLong("listing_price_amount"), currency.strip()),
                row.getInt("listing_available")));
    }
}
