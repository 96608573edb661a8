package app.soiree.query.gathering;

import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.GatheringStatus;
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
}
