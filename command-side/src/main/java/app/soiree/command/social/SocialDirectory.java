package app.soiree.command.social;

import app.soiree.api.identity.UserId;
import app.soiree.api.social.GuestBanned;
import app.soiree.api.social.GuestUnbanned;
import app.soiree.api.social.PrivacyChanged;
import app.soiree.api.social.UserBlocked;
import app.soiree.api.social.UserUnblocked;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What other contexts ask before they act, written in the same transaction as the event (a subscribing processor,
 * see {@link SocialConfiguration}): a block holds from the moment it was answered, for the very next direct
 * conversation, booking or notification. Every write is idempotent. It answers those questions too ({@link Blocks},
 * {@link GuestBans}).
 */
@Component
@ProcessingGroup(SocialDirectory.PROCESSING_GROUP)
class SocialDirectory implements Blocks, GuestBans {

    static final String PROCESSING_GROUP = "social-directory";

    private final JdbcTemplate jdbc;

    SocialDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UserBlocked event) {
        jdbc.update("insert into social_blocks (blocker_id, blocked_id) values (?, ?) on conflict do nothing",
                event.blockerId().value(), event.blockedId().value());
    }

    @EventHandler
    void on(UserUnblocked event) {
        jdbc.update("delete from social_blocks where blocker_id = ? and blocked_id = ?",
                event.blockerId().value(), event.blockedId().value());
    }

    @EventHandler
    void on(GuestBanned event) {
        jdbc.update("insert into social_guest_bans (host_id, guest_id) values (?, ?) on conflict do nothing",
                event.hostId().value(), event.guestId().value());
    }

    @EventHandler
    void on(GuestUnbanned event) {
        jdbc.update("delete from social_guest_bans where host_id = ? and guest_id = ?",
                event.hostId().value(), event.guestId().value());
    }

    @EventHandler
    void on(PrivacyChanged event) {
        jdbc.update("""
                insert into social_privacy (user_id, approve_followers) values (?, ?)
                on conflict (user_id) do update set approve_followers = excluded.approve_followers""",
                event.userId().value(), event.settings().approveFollowers());
    }

    @Override
    public boolean eitherBlocked(UserId one, UserId other) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from social_blocks
                               where (blocker_id = ? and blocked_id = ?) or (blocker_id = ? and blocked_id = ?))""",
                Boolean.class, one.value(), other.value(), other.value(), one.value()));
    }

    @Override
    public boolean blocked(UserId blockerId, UserId blockedId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from social_blocks where blocker_id = ? and blocked_id = ?)",
                Boolean.class, blockerId.value(), blockedId.value()));
    }

    @Override
    public boolean banned(UserId hostId, UserId guestId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from social_guest_bans where host_id = ? and guest_id = ?)",
                Boolean.class, hostId.value(), guestId.value()));
    }

    @Override
    public GuestBans of(UserId hostId, Collection<UserId> guestIds) {
        Set<UUID> barred = new HashSet<>(jdbc.queryForList("select guest_id from social_guest_bans where host_id = ? and guest_id = any (?::uuid[])",
                UUID.class, hostId.value(), guestIds.stream().map(UserId::toString).distinct().toArray(String[]::new)));
        return (host, guest) -> host.equals(hostId) ? barred.contains(guest.value()) : banned(host, guest);
    }

    boolean approvesFollowers(UserId userId) {
        return jdbc.queryForList("select approve_followers from social_privacy where user_id = ?", Boolean.class, userId.value()).stream().findFirst().orElse(false);
    }
}
