package app.soiree.query.privacy;

import app.soiree.api.identity.UserId;
import app.soiree.query.privacy.PersonalData.Block;
import app.soiree.query.privacy.PersonalData.Follow;
import app.soiree.query.privacy.PersonalData.GuestBan;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The user's place in the social graph, from social's read model: whom they follow (or asked to), who follows them (or
 * asks to), whom they blocked and, as a host, which guests they barred. Blocks of the user by others are the others'
 * data and stay out.
 */
@Component
class SocialData {

    private final JdbcClient jdbc;

    SocialData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Follow> following(UserId userId, int limit) {
        return jdbc.sql("select followee_id, state, since from follows where follower_id = :user order by since, followee_id limit :limit")
                .param("user", userId.value()).param("limit", limit)
                .query((row, number) -> new Follow(Rows.uuid(row, "followee_id"), row.getString("state"), Rows.instant(row, "since")))
                .list();
    }

    List<Follow> followers(UserId userId, int limit) {
        return jdbc.sql("select follower_id, state, since from follows where followee_id = :user order by since, follower_id limit :limit")
                .param("user", userId.value()).param("limit", limit)
                .query((row, number) -> new Follow(Rows.uuid(row, "follower_id"), row.getString("state"), Rows.instant(row, "since")))
                .list();
    }

    List<Block> blocked(UserId userId, int limit) {
        return jdbc.sql("select blocked_id, blocked_at from user_blocks where blocker_id = :user order by blocked_at, blocked_id limit :limit")
                .param("user", userId.value()).param("limit", limit)
                .query((row, number) -> new Block(Rows.uuid(row, "blocked_id"), Rows.instant(row, "blocked_at")))
                .list();
    }

    List<GuestBan> bannedGuests(UserId userId, int limit) {
        return jdbc.sql("select guest_id, reason, banned_at from guest_bans where host_id = :user order by banned_at, guest_id limit :limit")
                .param("user", userId.value()).param("limit", limit)
                .query((row, number) -> new GuestBan(Rows.uuid(row, "guest_id"), row.getString("reason"), Rows.instant(row, "banned_at")))
                .list();
    }
}
