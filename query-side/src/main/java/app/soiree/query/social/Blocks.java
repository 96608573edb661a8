package app.soiree.query.social;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Who blocked whom, for other read models (chat hides what a blocked sender says from the one who blocked them). */
@Component
public class Blocks {

    /** The processing group that keeps {@code user_blocks}: a handler there sees each block in the transaction that writes it. */
    public static final String PROCESSING_GROUP = "social";

    private final NamedParameterJdbcTemplate jdbc;

    Blocks(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A SQL condition, true when the user named by the parameter {@code blockerParameter} (without its colon) has not
     * blocked the user in {@code userColumn}; true for a null user. One primary-key probe per row it is asked of.
     */
    public static String notBlockedBy(String blockerParameter, String userColumn) {
        return "not exists (select 1 from user_blocks blocks where blocks.blocker_id = :" + blockerParameter
                + " and blocks.blocked_id = " + userColumn + ")";
    }

    /** Those of {@code users} whom {@code blocker} blocked. */
    public Set<UUID> blockedAmong(UUID blocker, Collection<UUID> users) {
        Set<UUID> blocked = new HashSet<>();
        if (users.isEmpty()) {
            return blocked;
        }
        jdbc.query("select blocked_id from user_blocks where blocker_id = :blocker and blocked_id in (:users)",
                new MapSqlParameterSource("blocker", blocker).addValue("users", new ArrayList<>(users)),
                row -> {
                    blocked.add(row.getObject("blocked_id", UUID.class));
                });
        return blocked;
    }

    /** Those of {@code users} who blocked {@code blocked}. */
    public Set<UUID> blockersAmong(Collection<UUID> users, UUID blocked) {
        Set<UUID> blockers = new HashSet<>();
        if (users.isEmpty()) {
            return blockers;
        }
        jdbc.query("select blocker_id from user_blocks where blocked_id = :blocked and blocker_id in (:users)",
                new MapSqlParameterSource("blocked", blocked).addValue("users", new ArrayList<>(users)),
                row -> {
                    blockers.add(row.getObject("blocker_id", UUID.class));
                });
        return blockers;
    }
}
