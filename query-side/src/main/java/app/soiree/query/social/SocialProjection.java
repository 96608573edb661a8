package app.soiree.query.social;

import app.soiree.api.identity.PersonalDataErased;
import app.soiree.api.identity.UserId;
import app.soiree.api.social.FollowEnded;
import app.soiree.api.social.FollowPreferenceChanged;
import app.soiree.api.social.FollowRequestClosed;
import app.soiree.api.social.FollowRequested;
import app.soiree.api.social.GuestBanned;
import app.soiree.api.social.GuestUnbanned;
import app.soiree.api.social.PrivacyChanged;
import app.soiree.api.social.UserBlocked;
import app.soiree.api.social.UserFollowed;
import app.soiree.api.social.UserUnblocked;
import java.sql.Timestamp;
import java.sql.Types;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code follows}, {@code follow_counts}, {@code user_blocks}, {@code guest_bans} and {@code privacy_settings} in
 * step with the relationship and privacy events. Delivery is at least once: every statement leaves the rows as they
 * are when it sees its event again, and the counts move only by the follows rows a statement really changed (a
 * redelivered {@link UserFollowed} finds the follow already there and counts nothing).
 */
@Component
@ProcessingGroup(SocialProjection.PROCESSING_GROUP)
class SocialProjection {

    static final String PROCESSING_GROUP = Blocks.PROCESSING_GROUP;

    private final NamedParameterJdbcTemplate jdbc;

    SocialProjection(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Only where nothing stands yet: a request never overwrites a follow. */
    @EventHandler
    void on(FollowRequested event) {
        jdbc.update("""
                        insert into follows (follower_id, followee_id, state, notify_on_publish, since)
                        values (:follower, :followee, 'REQUESTED', :notify, :at)
                        on conflict (follower_id, followee_id) do nothing""",
                pair(event.followerId(), event.followeeId()).addValue("notify", event.notifyOnPublish())
                        .addValue("at", Timestamp.from(event.at())));
    }

    /** A new follow, or a request approved; counted only when the row was not a follow already. */
    @EventHandler
    void on(UserFollowed event) {
        int began = jdbc.update("""
                        insert into follows (follower_id, followee_id, state, notify_on_publish, since)
                        values (:follower, :followee, 'FOLLOWING', :notify, :at)
                        on conflict (follower_id, followee_id) do update
                        set state = 'FOLLOWING', notify_on_publish = excluded.notify_on_publish, since = excluded.since
                        where follows.state <> 'FOLLOWING'""",
                pair(event.followerId(), event.followeeId()).addValue("notify", event.notifyOnPublish())
                        .addValue("at", Timestamp.from(event.at())));
        count(event.followerId(), event.followeeId(), began);
    }

    @EventHandler
    void on(FollowPreferenceChanged event) {
        jdbc.update("update follows set notify_on_publish = :notify where follower_id = :follower and followee_id = :followee",
                pair(event.followerId(), event.followeeId()).addValue("notify", event.notifyOnPublish()));
    }

    @EventHandler
    void on(FollowEnded event) {
        int ended = jdbc.update("delete from follows where follower_id = :follower and followee_id = :followee and state = 'FOLLOWING'",
                pair(event.followerId(), event.followeeId()));
        count(event.followerId(), event.followeeId(), -ended);
    }

    @EventHandler
    void on(FollowRequestClosed event) {
        jdbc.update("delete from follows where follower_id = :follower and followee_id = :followee and state = 'REQUESTED'",
                pair(event.followerId(), event.followeeId()));
    }

    /** The follows it ends both ways came as their own events before it. */
    @EventHandler
    void on(UserBlocked event) {
        jdbc.update("""
                        insert into user_blocks (blocker_id, blocked_id, blocked_at) values (:blocker, :blocked, :at)
                        on conflict (blocker_id, blocked_id) do nothing""",
                new MapSqlParameterSource("blocker", event.blockerId().value()).addValue("blocked", event.blockedId().value())
                        .addValue("at", Timestamp.from(event.at())));
    }

    @EventHandler
    void on(UserUnblocked event) {
        jdbc.update("delete from user_blocks where blocker_id = :blocker and blocked_id = :blocked",
                new MapSqlParameterSource("blocker", event.blockerId().value()).addValue("blocked", event.blockedId().value()));
    }

    @EventHandler
    void on(GuestBanned event) {
        jdbc.update("""
                        insert into guest_bans (host_id, guest_id, reason, banned_at) values (:host, :guest, :reason, :at)
                        on conflict (host_id, guest_id) do update set reason = excluded.reason, banned_at = excluded.banned_at""",
                new MapSqlParameterSource("host", event.hostId().value()).addValue("guest", event.guestId().value())
                        .addValue("reason", event.reason(), Types.VARCHAR).addValue("at", Timestamp.from(event.at())));
    }

    @EventHandler
    void on(GuestUnbanned event) {
        jdbc.update("delete from guest_bans where host_id = :host and guest_id = :guest",
                new MapSqlParameterSource("host", event.hostId().value()).addValue("guest", event.guestId().value()));
    }

    @EventHandler
    void on(PrivacyChanged event) {
        jdbc.update("""
                        insert into privacy_settings (user_id, approve_followers, followers_visible, following_visible, changed_at)
                        values (:user, :approve, :followers, :following, :at)
                        on conflict (user_id) do update
                        set approve_followers = excluded.approve_followers, followers_visible = excluded.followers_visible,
                            following_visible = excluded.following_visible, changed_at = excluded.changed_at""",
                new MapSqlParameterSource("user", event.userId().value()).addValue("approve", event.settings().approveFollowers())
                        .addValue("followers", event.settings().followersVisible())
                        .addValue("following", event.settings().followingVisible()).addValue("at", Timestamp.from(event.at())));
    }

    /** {@code change}: +1 for a follow that began, -1 for one that ended, 0 when no row changed. */
    private void count(UserId followerId, UserId followeeId, int change) {
        if (change == 0) {
            return;
        }
        MapSqlParameterSource parameters = pair(followerId, followeeId).addValue("change", change);
        jdbc.update("insert into follow_counts (user_id) values (:followee), (:follower) on conflict (user_id) do nothing", parameters);
        jdbc.update("""
                        update follow_counts
                        set followers = followers + case when user_id = :followee then :change else 0 end,
                            following = following + case when user_id = :follower then :change else 0 end
                        where user_id in (:followee, :follower)""", parameters);
    }

    private static MapSqlParameterSource pair(UserId followerId, UserId followeeId) {
        return new MapSqlParameterSource("follower", followerId.value()).addValue("followee", followeeId.value());
    }

    /** Why hosts banned an erased guest is about them and goes; the bans stay. */
    @EventHandler
    void on(PersonalDataErased event) {
        jdbc.update("update guest_bans set reason = null where guest_id = :user", new MapSqlParameterSource("user", event.userId().value()));
    }
}
