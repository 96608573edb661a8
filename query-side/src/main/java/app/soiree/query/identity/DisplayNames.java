package app.soiree.query.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Users' display names for other read models (chat members, the moderation queue), many at once. */
@Component
public class DisplayNames {

    private final NamedParameterJdbcTemplate jdbc;

    DisplayNames(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The names of those users this read model knows; a user not (yet) projected is missing from the map. */
    public Map<UUID, String> of(Collection<UUID> userIds) {
        Map<UUID, String> names = new HashMap<>();
        if (userIds.isEmpty()) {
            return names;
        }
        jdbc.query("select user_id, display_name from user_profiles where user_id in (:ids)",
                new MapSqlParameterSource("ids", new ArrayList<>(userIds)),
                row -> {
                    names.put(row.getObject("user_id", UUID.class), row.getString("display_name"));
                });
        return names;
    }
}
