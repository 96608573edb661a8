package app.soiree.query.chat;

import app.soiree.api.chat.ConversationKind;
import app.soiree.api.chat.ConversationSettingsChanged;
import app.soiree.api.chat.ConversationStarted;
import app.soiree.api.chat.MemberBanned;
import app.soiree.api.chat.MemberMuted;
import app.soiree.api.chat.MemberRemoved;
import app.soiree.api.chat.MemberRole;
import app.soiree.api.chat.MemberUnbanned;
import app.soiree.api.chat.MemberUnmuted;
import app.soiree.api.chat.MembersAdded;
import app.soiree.api.chat.RemovalReason;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.PersonalData;
import app.soiree.api.identity.PersonalDataErased;
import app.soiree.api.identity.UserId;
import app.soiree.query.realtime.PushEnvelope;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Conversations, their members and settings, and who is muted or banned. Changes members can see
 * are applied once each, in seq order ({@link ConversationSeq}); mutes and bans carry no seq and are
 * state that a later event replaces, never an earlier one. Pushes follow each change, except while the
 * processor replays the stream.
 */
@Component
@ProcessingGroup(ConversationProjection.PROCESSING_GROUP)
class ConversationProjection {

    static final String PROCESSING_GROUP = "chat";

    private final NamedParameterJdbcTemplate jdbc;
    private final ConversationSeq seq;
    private final CurrentMembers members;
    private final UnreadCounts unread;
    private final UnreadTotalPushes unreadTotals;
    private final ChatPushes pushes;

    ConversationProjection(NamedParameterJdbcTemplate jdbc, ConversationSeq seq, CurrentMembers members, UnreadCounts unread,
                           UnreadTotalPushes unreadTotals, ChatPushes pushes) {
        this.jdbc = jdbc;
        this.seq = seq;
        this.members = members;
        this.unread = unread;
        this.unreadTotals = unreadTotals;
        this.pushes = pushes;
    }

    @EventHandler
    void on(ConversationStarted event, ReplayStatus replay) {
        if (!seq.start(event)) {
            return;
        }
        Set<UserId> first = new LinkedHashSet<>();
        if (event.ownerId() != null && event.kind() != ConversationKind.DIRECT) {
            first.add(event.ownerId());
        }
        first.addAll(event.memberIds());
        int joined = 0;
        for (UserId member : first) {
            joined += join(event.conversationId().value(), member.value(), role(event.kind(), event.ownerId(), member), event.seq(), event.at());
        }
        countMembers(event.conversationId().value(), joined);
        if (!replay.isReplay()) {
            pushes.change(event, ChangeType.CONVERSATION_UPDATED, members.toTell(event.conversationId().value()),
                    new ConversationUpdated(event.kind(), event.title(), event.gatheringId(), new ConversationView.Settings(0, false)));
        }
    }

    @EventHandler
    void on(MembersAdded event, ReplayStatus replay) {
        UUID conversationId = event.conversationId().value();
        if (!seq.claim(event, ChangeType.MEMBER_ADDED, null)) {
            return;
        }
        // As the aggregate has it: whoever is added later joins as a member, a former owner too.
        int joined = 0;
        for (UserId member : event.userIds()) {
            joined += join(conversationId, member.value(), MemberRole.MEMBER, event.seq(), event.at());
        }
        countMembers(conversationId, joined);
        if (!replay.isReplay()) {
            pushes.change(event, ChangeType.MEMBER_ADDED, members.toTell(conversationId), new MembersJoined(event.userIds(), event.addedBy()));
        }
    }

    @EventHandler
    void on(MemberRemoved event, ReplayStatus replay) {
        UUID conversationId = event.conversationId().value();
        if (!seq.claim(event, ChangeType.MEMBER_REMOVED, null)) {
            return;
        }
        UUID removed = event.userId().value();
        boolean hadUnread = unread.inConversation(conversationId, removed) > 0;
        int left = jdbc.update("""
                        update chat_members set removed = true, removed_at = :at, removed_seq = :seq, removal_reason = :reason,
                                                changed_xid = pg_current_xact_id()
                        where conversation_id = :id and user_id = :user and not removed""",
                new MapSqlParameterSource("id", conversationId).addValue("user", removed).addValue("at", Timestamp.from(event.at()))
                        .addValue("seq", event.seq()).addValue("reason", event.reason().name()));
        if (event.newOwnerId() != null) {
            handOver(conversationId, event.newOwnerId().value());
        }
        countMembers(conversationId, -left);
        if (!replay.isReplay()) {
            Set<UUID> told = new LinkedHashSet<>(members.toTell(conversationId));
            told.add(removed);
            pushes.change(event, ChangeType.MEMBER_REMOVED, told, new MemberLeft(event.userId(), event.reason(), event.removedBy(), event.newOwnerId()));
            if (hadUnread) {
                unreadTotals.changed(List.of(removed));
            }
        }
    }

    @EventHandler
    void on(ConversationSettingsChanged event, ReplayStatus replay) {
        UUID conversationId = event.conversationId().value();
        if (!seq.claim(event, ChangeType.CONVERSATION_UPDATED, null)) {
            return;
        }
        jdbc.update("""
                        update chat_conversations set title = :title, slow_mode_seconds = :slowMode, read_only = :readOnly
                        where conversation_id = :id""",
                new MapSqlParameterSource("id", conversationId).addValue("title", event.title())
                        .addValue("slowMode", event.slowModeSeconds()).addValue("readOnly", event.readOnly()));
        if (!replay.isReplay()) {
            Owner owner = owner(conversationId);
            pushes.change(event, ChangeType.CONVERSATION_UPDATED, members.toTell(conversationId),
                    new ConversationUpdated(owner.kind(), event.title(), owner.gatheringId(),
                            new ConversationView.Settings(event.slowModeSeconds(), event.readOnly())));
        }
    }

    @EventHandler
    void on(MemberMuted event, ReplayStatus replay) {
        int changed = jdbc.update("""
                        insert into chat_mutes (conversation_id, user_id, until, reason, muted_by, muted_at)
                        values (:id, :user, :until, :reason, :by, :at)
                        on conflict (conversation_id, user_id) do update
                        set until = excluded.until, reason = excluded.reason, muted_by = excluded.muted_by, muted_at = excluded.muted_at
                        where chat_mutes.muted_at <= excluded.muted_at""",
                new MapSqlParameterSource("id", event.conversationId().value()).addValue("user", event.userId().value())
                        .addValue("until", Instants.timestamp(event.until())).addValue("reason", event.reason())
                        .addValue("by", event.mutedBy().value()).addValue("at", Timestamp.from(event.at())));
        mutedOrNot(event.conversationId().value(), event.userId().value(), changed, true, event.until(), event.at(), replay);
    }

    @EventHandler
    void on(MemberUnmuted event, ReplayStatus replay) {
        int changed = jdbc.update("delete from chat_mutes where conversation_id = :id and user_id = :user and muted_at <= :at",
                new MapSqlParameterSource("id", event.conversationId().value()).addValue("user", event.userId().value())
                        .addValue("at", Timestamp.from(event.at())));
        mutedOrNot(event.conversationId().value(), event.userId().value(), changed, false, null, event.at(), replay);
    }

    /** The ban itself; the member's removal is a {@link MemberRemoved} of its own. */
    @EventHandler
    void on(MemberBanned event) {
        jdbc.update("""
                        insert into chat_bans (conversation_id, user_id, until, reason, banned_by, banned_at)
                        values (:id, :user, :until, :reason, :by, :at)
                        on conflict (conversation_id, user_id) do update
                        set until = excluded.until, reason = excluded.reason, banned_by = excluded.banned_by, banned_at = excluded.banned_at
                        where chat_bans.banned_at <= excluded.banned_at""",
                new MapSqlParameterSource("id", event.conversationId().value()).addValue("user", event.userId().value())
                        .addValue("until", Instants.timestamp(event.until())).addValue("reason", event.reason())
                        .addValue("by", event.bannedBy().value()).addValue("at", Timestamp.from(event.at())));
    }

    @EventHandler
    void on(MemberUnbanned event) {
        jdbc.update("delete from chat_bans where conversation_id = :id and user_id = :user and banned_at <= :at",
                new MapSqlParameterSource("id", event.conversationId().value()).addValue("user", event.userId().value())
                        .addValue("at", Timestamp.from(event.at())));
    }

    /** A mute is the member's own business: their listing shows it (so a sync reports it), and only they are told. */
    private void mutedOrNot(UUID conversationId, UUID userId, int changed, boolean muted, @Nullable Instant until, Instant at,
                            ReplayStatus replay) {
        if (changed == 0) {
            return;
        }
        int member = jdbc.update("update chat_members set changed_xid = pg_current_xact_id() where conversation_id = :id and user_id = :user "
                        + "and not removed",
                new MapSqlParameterSource("id", conversationId).addValue("user", userId));
        if (member == 1 && !replay.isReplay()) {
            pushes.send(userId, new PushEnvelope(ChangeType.CONVERSATION_UPDATED.wireName(), conversationId, null, at,
                    new MuteChanged(muted, until)));
        }
    }

    /**
     * A new member starts with everything before their joining read, so that joining a busy
     * conversation does not show its whole history as unread; it stays readable all the same. A
     * member who comes back keeps the marker they had, if it is further. Either way nothing is unread
     * yet: the marker is at least the seq of joining, the conversation's last.
     *
     * @return 1 when the user was not a member before (new, or removed earlier), 0 when they were
     */
    private int join(UUID conversationId, UUID userId, MemberRole role, long seqOfJoining, Instant at) {
        // "before" reads the row as it was when the statement began: the upsert's own change is not visible to it.
        Integer joined = jdbc.queryForObject("""
                        with before as (
                            select removed from chat_members where conversation_id = :id and user_id = :user
                        ), upserted as (
                            insert into chat_members (conversation_id, user_id, role, joined_at, last_read_seq)
                            values (:id, :user, :role, :at, :seq)
                            on conflict (conversation_id, user_id) do update
                            set role = excluded.role, joined_at = excluded.joined_at, removed = false, removed_at = null, removed_seq = null,
                                removal_reason = null, last_read_seq = greatest(chat_members.last_read_seq, excluded.last_read_seq),
                                unread = 0, changed_xid = pg_current_xact_id()
                            returning 1
                        )
                        select case when coalesce((select removed from before), true) then 1 else 0 end
                        from upserted""",
                new MapSqlParameterSource("id", conversationId).addValue("user", userId).addValue("role", role.name())
                        .addValue("at", Timestamp.from(at)).addValue("seq", seqOfJoining), Integer.class);
        return joined == null ? 0 : joined;
    }

    /** A group's owner left: the member the aggregate named owns it now. */
    private void handOver(UUID conversationId, UUID newOwnerId) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("id", conversationId).addValue("owner", newOwnerId);
        jdbc.update("update chat_conversations set owner_id = :owner where conversation_id = :id", parameters);
        jdbc.update("""
                        update chat_members set role = 'OWNER', changed_xid = pg_current_xact_id()
                        where conversation_id = :id and user_id = :owner""", parameters);
    }

    /**
     * Moves the conversation's member count by the members who came or went in this change, rather than counting the
     * members again: a gathering's chat gains a member with every confirmed booking, and a recount read every member
     * row each time (a 30,000-seat gathering read 450 million rows to fill). The projection applies a conversation's
     * changes one at a time, in order, and nothing else adds or removes members, so the count stays exact.
     */
    private void countMembers(UUID conversationId, int change) {
        if (change == 0) {
            return;
        }
        jdbc.update("update chat_conversations set member_count = member_count + :change where conversation_id = :id",
                new MapSqlParameterSource("id", conversationId).addValue("change", change));
    }

    private Owner owner(UUID conversationId) {
        return jdbc.queryForObject("select kind, owner_id, gathering_id from chat_conversations where conversation_id = :id",
                new MapSqlParameterSource("id", conversationId),
                (row, index) -> {
                    UUID ownerId = row.getObject("owner_id", UUID.class);
                    UUID gatheringId = row.getObject("gathering_id", UUID.class);
                    return new Owner(ConversationKind.valueOf(row.getString("kind")), ownerId == null ? null : new UserId(ownerId),
                            gatheringId == null ? null : new GatheringId(gatheringId));
                });
    }

    private static MemberRole role(ConversationKind kind, @Nullable UserId ownerId, UserId member) {
        if (!member.equals(ownerId)) {
            return MemberRole.MEMBER;
        }
        return switch (kind) {
            case GROUP -> MemberRole.OWNER;
            case GATHERING -> MemberRole.HOST;
            case DIRECT -> MemberRole.MEMBER;
        };
    }

    private record Owner(ConversationKind kind, @Nullable UserId ownerId, @Nullable GatheringId gatheringId) {
    }

    /** {@code conversation.updated}: the conversation as it now stands (a gathering's title is the gathering's own). */
    record ConversationUpdated(ConversationKind kind, @Nullable String title, @Nullable GatheringId gatheringId,
                               ConversationView.Settings settings) {
    }

    /** {@code conversation.updated} to a member only: they were muted or unmuted. */
    record MuteChanged(boolean muted, @Nullable Instant mutedUntil) {
    }

    record MembersJoined(List<UserId> userIds, @Nullable UserId addedBy) {
    }

    /** {@code member.removed}; {@code newOwnerId} names who owns the group from now on, when its owner left. */
    record MemberLeft(UserId userId, RemovalReason reason, @Nullable UserId removedBy, @Nullable UserId newOwnerId) {
    }

    /** What moderators wrote about an erased member (the reasons of their mutes and bans) is theirs and goes. */
    @EventHandler
    void on(PersonalDataErased event) {
        MapSqlParameterSource erased = new MapSqlParameterSource("user", event.userId().value()).addValue("erased", PersonalData.ERASED);
        jdbc.update("update chat_mutes set reason = :erased where user_id = :user", erased);
        jdbc.update("update chat_bans set reason = :erased where user_id = :user", erased);
    }
}
