package app.soiree.query.chat;

import app.soiree.api.chat.ConversationId;
import app.soiree.api.chat.ConversationKind;
import app.soiree.api.chat.MemberRole;
import app.soiree.api.chat.MessageId;
import app.soiree.api.chat.MessageType;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import app.soiree.query.gathering.GatheringCard;
import app.soiree.query.gathering.GatheringCards;
import app.soiree.query.identity.DisplayNames;
import app.soiree.query.paging.KeysetPage;
import app.soiree.query.paging.PageResponse;
import app.soiree.query.social.Blocks;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What members read: their conversations with unread counts (and what changed since a sync token), a
 * conversation with its members, its messages newest first, and its changes after a seq. Everything
 * about a conversation is answered only to its current members; to anyone else it does not exist.
 */
@Component
class ConversationReads {

    static final int MAX_CHANGES = 500;

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentMembers members;
    private final MessageRows messages;
    private final DisplayNames displayNames;
    private final GatheringCards gatheringCards;
    private final Clock clock;

    ConversationReads(NamedParameterJdbcTemplate jdbc, CurrentMembers members, MessageRows messages, DisplayNames displayNames,
                      GatheringCards gatheringCards, Clock clock) {
        this.jdbc = jdbc;
        this.members = members;
        this.messages = messages;
        this.displayNames = displayNames;
        this.gatheringCards = gatheringCards;
        this.clock = clock;
    }

    /**
     * The user's conversations, most recent activity first. With {@code since}, only those that changed
     * for them after it, removals included. The sync token is taken before the rows are read (or comes
     * from the cursor, for later pages), so it is never ahead of what the page shows.
     */
    @Transactional(readOnly = true)
    ConversationListing list(UserId me, @Nullable ConversationKind kind, @Nullable SyncToken since, @Nullable ListingCursor after,
                             int limit) {
        SyncToken token = after != null ? after.syncToken() : watermark();
        StringBuilder sql = new StringBuilder("""
                select c.conversation_id, c.kind, c.title, c.gathering_id, c.member_count, c.last_seq, c.activity_at,
                       m.last_read_seq, m.removed, m.removed_seq,
                       exists (select 1 from chat_mutes u where u.conversation_id = m.conversation_id and u.user_id = m.user_id
                                                          and (u.until is null or u.until > :now)) as muted,
                       case when m.removed then 0 else""" + " " + UnreadCounts.OF_MEMBER + """
                 end as unread,
                       x.message_id as last_message_id, x.seq as last_message_seq, x.sender_id as last_sender_id, x.type as last_type,
                       case when""" + " " + Blocks.notBlockedBy("me", "x.sender_id") + """
                 then x.text end as last_text, x.deleted as last_deleted, x.created_at as last_created_at
                from chat_members m
                join chat_conversations c on c.conversation_id = m.conversation_id
                left join chat_messages x on x.message_id = c.last_message_id and not m.removed
                where m.user_id = :me""");
        MapSqlParameterSource parameters = new MapSqlParameterSource("me", me.value()).addValue("now", Timestamp.from(clock.instant()))
                .addValue("rows", KeysetPage.rowsToFetch(limit));
        if (since == null) {
            sql.append(" and not m.removed");
        } else {
            // A removed member learns of their removal, and of nothing that happened after it.
            sql.append(" and (m.changed_xid >= cast(:since as xid8) or (not m.removed and c.changed_xid >= cast(:since as xid8)))");
            parameters.addValue("since", Long.toString(since.watermark()));
        }
        if (kind != null) {
            sql.append(" and c.kind = :kind");
            parameters.addValue("kind", kind.name());
        }
        if (after != null) {
            sql.append(" and (c.activity_at, c.conversation_id) < (:afterAt, :afterId)");
            parameters.addValue("afterAt", Timestamp.from(after.activityAt())).addValue("afterId", after.conversationId());
        }
        sql.append(" order by c.activity_at desc, c.conversation_id desc limit :rows");
        List<ListedRow> rows = jdbc.query(sql.toString(), parameters, ConversationReads::listed);
        KeysetPage<ListedRow> page = KeysetPage.cut(rows, limit,
                row -> new ListingCursor(row.activityAt(), row.summary().conversationId().value(), token).encode());
        Map<UUID, String> titles = titles(me, page.items().stream().map(ListedRow::summary).toList());
        List<ConversationSummary> items = page.items().stream().map(ListedRow::summary)
                .map(summary -> titles.containsKey(summary.conversationId().value()) ? titled(summary, titles.get(summary.conversationId().value()))
                        : summary)
                .toList();
        return new ConversationListing(items, page.nextCursor(), token.encode());
    }

    @Transactional(readOnly = true)
    ConversationView conversation(ConversationId conversationId, UserId me) {
        members.requireMember(conversationId.value(), me.value());
        MapSqlParameterSource id = new MapSqlParameterSource("id", conversationId.value());
        ConversationView found = jdbc.queryForObject("""
                        select conversation_id, kind, title, gathering_id, slow_mode_seconds, read_only from chat_conversations
                        where conversation_id = :id""", id,
                (row, index) -> {
                    UUID gatheringId = row.getObject("gathering_id", UUID.class);
                    return new ConversationView(conversationId, ConversationKind.valueOf(row.getString("kind")), row.getString("title"),
                            gatheringId == null ? null : new GatheringId(gatheringId), List.of(),
                            new ConversationView.Settings(row.getInt("slow_mode_seconds"), row.getBoolean("read_only")));
                });
        List<Map.Entry<UUID, MemberRole>> roles = jdbc.query("""
                        select user_id, role from chat_members where conversation_id = :id and not removed
                        order by case role when 'OWNER' then 0 when 'HOST' then 0 else 1 end, joined_at, user_id""", id,
                (row, index) -> Map.entry(row.getObject("user_id", UUID.class), MemberRole.valueOf(row.getString("role"))));
        Map<UUID, String> names = displayNames.of(roles.stream().map(Map.Entry::getKey).toList());
        List<ConversationView.Member> memberViews = roles.stream()
                .map(member -> new ConversationView.Member(new UserId(member.getKey()), names.get(member.getKey()), member.getValue()))
                .toList();
        String title = switch (found.kind()) {
            case GROUP -> found.title();
            case GATHERING -> gatheringTitle(found.gatheringId());
            case DIRECT -> memberViews.stream().filter(member -> !member.userId().equals(me)).map(ConversationView.Member::displayName)
                    .filter(Objects::nonNull).findFirst().orElse(null);
        };
        return new ConversationView(conversationId, found.kind(), title, found.gatheringId(), memberViews, found.settings());
    }

    /** Newest first, below {@code beforeSeq} (all when null); the next page's {@code beforeSeq} is {@code nextCursor}. */
    @Transactional(readOnly = true)
    PageResponse<MessageView> messages(ConversationId conversationId, UserId me, @Nullable Long beforeSeq, int limit) {
        members.requireMember(conversationId.value(), me.value());
        List<MessageRow> rows = messages.before(conversationId.value(), beforeSeq == null ? Long.MAX_VALUE : beforeSeq, me.value(),
                KeysetPage.rowsToFetch(limit));
        KeysetPage<MessageRow> page = KeysetPage.cut(rows, limit, row -> Long.toString(row.seq()));
        return new PageResponse<>(messages.views(page.items(), me.value()), page.nextCursor());
    }

    /**
     * The changes after {@code afterSeq}, in seq order without gaps or repeats, each message as it is now.
     * Read in one snapshot, so {@code lastSeq} and the items agree.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    ChangePage changes(ConversationId conversationId, UserId me, long afterSeq, int limit) {
        members.requireMember(conversationId.value(), me.value());
        MapSqlParameterSource parameters = new MapSqlParameterSource("id", conversationId.value()).addValue("after", afterSeq)
                .addValue("rows", limit + 1);
        Long lastSeq = jdbc.queryForObject("select last_seq from chat_conversations where conversation_id = :id", parameters, Long.class);
        List<LoggedChange> logged = jdbc.query("""
                        select seq, type, message_id from chat_changes where conversation_id = :id and seq > :after order by seq limit :rows""",
                parameters, (row, index) -> new LoggedChange(row.getLong("seq"), row.getString("type"), row.getObject("message_id", UUID.class)));
        boolean hasMore = logged.size() > limit;
        List<LoggedChange> page = hasMore ? logged.subList(0, limit) : logged;
        Set<UUID> messageIds = new LinkedHashSet<>();
        page.stream().map(LoggedChange::messageId).filter(Objects::nonNull).forEach(messageIds::add);
        Map<UUID, MessageView> views = new HashMap<>();
        messages.views(messages.byIds(messageIds), me.value()).forEach(view -> views.put(view.messageId().value(), view));
        List<ChangePage.Change> items = page.stream()
                .map(change -> new ChangePage.Change(change.seq(), change.type(), change.messageId() == null ? null : views.get(change.messageId())))
                .toList();
        return new ChangePage(items, lastSeq == null ? 0 : lastSeq, hasMore);
    }

    private SyncToken watermark() {
        String xmin = jdbc.getJdbcTemplate().queryForObject("select pg_snapshot_xmin(pg_current_snapshot())::text", String.class);
        return new SyncToken(Long.parseLong(Objects.requireNonNull(xmin)));
    }

    /** The titles that are not the conversation's own: a gathering's, and the other member's name in a direct conversation. */
    private Map<UUID, String> titles(UserId me, List<ConversationSummary> summaries) {
        Map<UUID, String> titles = new HashMap<>();
        Map<UUID, UUID> gatheringOf = new HashMap<>();
        List<UUID> direct = new ArrayList<>();
        for (ConversationSummary summary : summaries) {
            if (summary.removed()) {
                continue;
            }
            if (summary.kind() == ConversationKind.GATHERING && summary.gatheringId() != null) {
                gatheringOf.put(summary.conversationId().value(), summary.gatheringId().value());
            } else if (summary.kind() == ConversationKind.DIRECT) {
                direct.add(summary.conversationId().value());
            }
        }
        Map<UUID, GatheringCard> cards = gatheringCards.of(gatheringOf.values());
        gatheringOf.forEach((conversation, gathering) -> {
            GatheringCard card = cards.get(gathering);
            if (card != null) {
                titles.put(conversation, card.title());
            }
        });
        if (!direct.isEmpty()) {
            Map<UUID, UUID> other = new HashMap<>();
            jdbc.query("select conversation_id, user_id from chat_members where conversation_id in (:ids) and user_id <> :me",
                    new MapSqlParameterSource("ids", direct).addValue("me", me.value()),
                    row -> {
                        other.put(row.getObject("conversation_id", UUID.class), row.getObject("user_id", UUID.class));
                    });
            Map<UUID, String> names = displayNames.of(other.values());
            other.forEach((conversation, user) -> {
                String name = names.get(user);
                if (name != null) {
                    titles.put(conversation, name);
                }
            });
        }
        return titles;
    }

    private @Nullable String gatheringTitle(@Nullable GatheringId gatheringId) {
        if (gatheringId == null) {
            return null;
        }
        GatheringCard card = gatheringCards.of(List.of(gatheringId.value())).get(gatheringId.value());
        return card == null ? null : card.title();
    }

    private static ConversationSummary titled(ConversationSummary summary, String title) {
        return new ConversationSummary(summary.conversationId(), summary.kind(), title, summary.gatheringId(), summary.memberCount(),
                summary.lastMessage(), summary.lastSeq(), summary.lastReadSeq(), summary.unreadCount(), summary.muted(), summary.removed());
    }

    private static ListedRow listed(ResultSet row, int index) throws SQLException {
        ConversationId conversationId = new ConversationId(row.getObject("conversation_id", UUID.class));
        ConversationKind kind = ConversationKind.valueOf(row.getString("kind"));
        UUID gatheringId = row.getObject("gathering_id", UUID.class);
        Instant activityAt = Instants.required(row, "activity_at");
        if (row.getBoolean("removed")) {
            return new ListedRow(activityAt, new ConversationSummary(conversationId, kind, null,
                    gatheringId == null ? null : new GatheringId(gatheringId), 0, null, row.getLong("removed_seq"), row.getLong("last_read_seq"),
                    0, false, true));
        }
        UUID lastMessageId = row.getObject("last_message_id", UUID.class);
        UUID lastSender = row.getObject("last_sender_id", UUID.class);
        ConversationSummary.LastMessage lastMessage = lastMessageId == null ? null
                : new ConversationSummary.LastMessage(new MessageId(lastMessageId), row.getLong("last_message_seq"),
                lastSender == null ? null : new UserId(lastSender), MessageType.valueOf(row.getString("last_type")),
                row.getString("last_text"), row.getBoolean("last_deleted"), Instants.required(row, "last_created_at"));
        return new ListedRow(activityAt, new ConversationSummary(conversationId, kind, kind == ConversationKind.GROUP ? row.getString("title") : null,
                gatheringId == null ? null : new GatheringId(gatheringId), row.getInt("member_count"), lastMessage, row.getLong("last_seq"),
                row.getLong("last_read_seq"), row.getLong("unread"), row.getBoolean("muted"), false));
    }

    private record ListedRow(Instant activityAt, ConversationSummary summary) {
    }

    private record LoggedChange(long seq, String type, @Nullable UUID messageId) {
    }

    /** {@code GET /api/me/conversations}. {@code nextCursor} is written even when null; see {@link SyncToken}. */
    record ConversationListing(List<ConversationSummary> items, @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String nextCursor,
                               String syncToken) {
    }
}
