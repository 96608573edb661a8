package app.soiree.query.gathering;

import app.soiree.api.Money;
import app.soiree.api.gathering.FindGatherings;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.GatheringStatus;
import app.soiree.api.gathering.GatheringView;
import app.soiree.api.gathering.TierId;
import app.soiree.api.gathering.TierView;
import app.soiree.query.paging.Cursor;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads gatherings with plain SQL: discovery combines optional filters with full-text search and
 * keyset paging, which is simpler to say in SQL than through JPA. A page costs three statements:
 * the gatherings, all their tiers, and their hosts' ratings.
 */
@Component
class GatheringRows {

    private final JdbcClient jdbc;

    GatheringRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<GatheringRow> find(GatheringId gatheringId) {
        return jdbc.sql("select " + GatheringRow.COLUMNS + " from gatherings where id = :id")
                .param("id", gatheringId.value())
                .query(GatheringRow::read)
                .optional();
    }

    /** Published gatherings matching the query, ordered by (starts_at, id), after {@code after}. */
    List<GatheringRow> search(FindGatherings query, @Nullable Cursor after, int rows) {
        StringBuilder sql = new StringBuilder("select " + GatheringRow.COLUMNS + " from gatherings where status = :published");
        Map<String, Object> params = new HashMap<>();
        params.put("published", GatheringStatus.PUBLISHED.name());
        if (query.text() != null && !query.text().isBlank()) {
            sql.append(" and search_vector @@ websearch_to_tsquery('simple', :text)");
            params.put("text", query.text());
        }
        if (query.tag() != null && !query.tag().isBlank()) {
            sql.append(" and tags @> array[cast(:tag as text)]");
            params.put("tag", query.tag());
        }
        if (query.from() != null) {
            sql.append(" and starts_at >= :from");
            params.put("from", utc(query.from()));
        }
        if (query.to() != null) {
            sql.append(" and starts_at < :to");
            params.put("to", utc(query.to()));
        }
        if (query.hostId() != null) {
            sql.append(" and host_id = :hostId");
            params.put("hostId", query.hostId().value());
        }
        if (after != null) {
            sql.append(" and (starts_at, id) > (:afterStartsAt, :afterId)");
            params.put("afterStartsAt", utc(after.at()));
            params.put("afterId", after.id());
        }
        sql.append(" order by starts_at, id limit :rows");
        params.put("rows", rows);
        return jdbc.sql(sql.toString()).params(params).query(GatheringRow::read).list();
    }

    /** Completes rows into views, in their order. */
    List<GatheringView> toViews(List<GatheringRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<TierView>> tiers = tiersOf(rows.stream().map(GatheringRow::id).collect(Collectors.toSet()));
        Map<UUID, Double> hostRatings = hostRatingsOf(rows.stream().map(GatheringRow::hostId).collect(Collectors.toSet()));
        return rows.stream()
                .map(row -> row.toView(tiers.getOrDefault(row.id(), List.of()), hostRatings.get(row.hostId())))
                .toList();
    }

    private Map<UUID, List<TierView>> tiersOf(Set<UUID> gatheringIds) {
        Map<UUID, List<TierView>> tiers = new LinkedHashMap<>();
        // A capacity cut below the seats already taken leaves the tier sold out, not negative.
        jdbc.sql("""
                        select gathering_id, tier_id, name, price_amount, price_currency, capacity,
                               greatest(capacity - held - confirmed, 0) as available
                        from gathering_tiers where gathering_id in (:ids) order by gathering_id, position""")
                .param("ids", gatheringIds)
                .query(row -> {
                    TierView tier = new TierView(new TierId(row.getObject("tier_id", UUID.class)), row.getString("name"),
                            Money.of(row.getLong("price_amount"), row.getString("price_currency")),
                            row.getInt("capacity"), row.getInt("available"));
                    tiers.computeIfAbsent(row.getObject("gathering_id", UUID.class), id -> new ArrayList<>()).add(tier);
                });
        return tiers;
    }

    /** A host's rating is the average of every review of every gathering they hosted. */
    private Map<UUID, Double> hostRatingsOf(Set<UUID> hostIds) {
        Map<UUID, Double> ratings = new HashMap<>();
        jdbc.sql("""
                        select host_id, sum(rating_sum) as rating_sum, sum(rating_count) as rating_count
                        from gatherings where host_id in (:hosts) group by host_id""")
                .param("hosts", hostIds)
                .query(row -> {
                    Double average = Ratings.average(row.getLong("rating_sum"), row.getLong("rating_count"));
                    if (average != null) {
                        ratings.put(row.getObject("host_id", UUID.class), average);
                    }
                });
        return ratings;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
