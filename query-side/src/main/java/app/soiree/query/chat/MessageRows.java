package app.soiree.query.chat;

import app.soiree.api.chat.MessageId;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import app.soiree.query.gathering.GatheringCards;
import app.soiree.query.media.MediaRows;
import app.soiree.query.social.Blocks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads messages and renders them as {@link MessageView}s: their reactions counted, and a gathering
 * card's gathering as the gatherings read model has it now. A page costs three statements however many
 * messages it holds.
 */
@Component
class MessageRows {

    private final NamedParameterJdbcTemplate jdbc;
    private final GatheringCards gatheringCards;
    private final MediaRows media;
    private final Blocks blocks;

    MessageRows(NamedParameterJdbcTemplate jdbc, GatheringCards gatheringCards, MediaRows media, Blocks blocks) {
        this.jdbc = jdbc;
        this.gatheringCards = gatheringCards;
        this.media = media;
        this.blocks = blocks;
    }

    Optional<MessageRow> find(UUID messageId) {
        return jdbc.query("select " + MessageRow.COLUMNS + " from chat_messages where message_id = :id",
                new MapSqlParameterSource("id", messageId), MessageRow::read).stream().findFirst();
    }

    /** Newest first, below {@code beforeSeq}; none whose sender {@code viewer} blocked. */
    List<MessageRow> before(UUID conversationId, long beforeSeq, UUID viewer, int rows) {
        return jdbc.query("select " + MessageRow.COLUMNS + """
                         from chat_messages where conversation_id = :conversation and seq < :before
                        and""" + " " + Blocks.notBlockedBy("viewer", "chat_messages.sender_id") + """
                         order by seq desc limit :rows""",
                new MapSqlParameterSource("conversation", conversationId).addValue("before", beforeSeq).addValue("viewer", viewer)
                        .addValue("rows", rows),
                MessageRow::read);
    }

    /** Up to {@code eachSide} messages before the one at {@code seq}, itself, and up to {@code eachSide} after, in seq order. */
    List<MessageRow> around(UUID conversationId, long seq, int eachSide) {
        String columns = MessageRow.COLUMNS;
        return jdbc.query("(select " + columns + " from chat_messages where conversation_id = :conversation and seq < :seq"
                        + " order by seq desc limit :each)"
                        + " union all (select " + columns + " from chat_messages where conversation_id = :conversation and seq >= :seq"
                        + " order by seq limit :eachAndItself) order by seq",
                new MapSqlParameterSource("conversation", conversationId).addValue("seq", seq).addValue("each", eachSide)
                        .addValue("eachAndItself", eachSide + 1),
                MessageRow::read);
    }

    List<MessageRow> byIds(Collection<UUID> messageIds) {
        if (messageIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select " + MessageRow.COLUMNS + " from chat_messages where message_id in (:ids)",
                new MapSqlParameterSource("ids", new ArrayList<>(messageIds)), MessageRow::read);
    }

    /** The messages as {@code viewer} sees them, in the order given; hidden where {@code viewer} blocked the sender. */
    List<MessageView> views(List<MessageRow> messages, UUID viewer) {
        if (messages.isEmpty()) {
            return List.of();
        }
        Set<UUID> blockedSenders = blocks.blockedAmong(viewer,
                messages.stream().map(MessageRow::senderId).filter(Objects::nonNull).collect(Collectors.toSet()));
        List<UUID> ids = messages.stream().map(MessageRow::messageId).toList();
        Map<UUID, List<MessageView.Reaction>> reactions = new HashMap<>();
        jdbc.query("""
                        select message_id, emoji, count(*) as count, bool_or(user_id = :viewer) as mine
                        from chat_reactions where message_id in (:ids)
                        group by message_id, emoji order by message_id, min(reacted_at), emoji""",
                new MapSqlParameterSource("ids", ids).addValue("viewer", viewer),
                row -> {
                    reactions.computeIfAbsent(row.getObject("message_id", UUID.class), id -> new ArrayList<>())
                            .add(new MessageView.Reaction(row.getString("emoji"), row.getInt("count"), row.getBoolean("mine")));
                });
        Map<UUID, MessageView.GatheringCard> cards = cards(messages);
        Map<UUID, MediaRows.Shown> shown = media(messages);
        return messages.stream().map(message -> render(message, cards, shown, reactions.getOrDefault(message.messageId(), List.of())))
                .map(view -> view.senderId() != null && blockedSenders.contains(view.senderId().value()) ? view.hiddenFromBlocker() : view)
                .toList();
    }

    /**
     * One message as each of {@code viewers} sees it, for pushes: a member who reacted to it sees their
     * own reactions marked {@code mine}, everyone else shares one rendering.
     */
    Map<UUID, MessageView> viewsFor(MessageRow message, Collection<UUID> viewers) {
        Map<String, Set<UUID>> reactors = new LinkedHashMap<>();
        jdbc.query("select emoji, user_id from chat_reactions where message_id = :id order by reacted_at, emoji, user_id",
                new MapSqlParameterSource("id", message.messageId()),
                row -> {
                    reactors.computeIfAbsent(row.getString("emoji"), emoji -> new LinkedHashSet<>()).add(row.getObject("user_id", UUID.class));
                });
        MessageView shared = render(message, cards(List.of(message)), media(List.of(message)), reactions(reactors, null));
        Map<UUID, MessageView> views = new HashMap<>();
        for (UUID viewer : viewers) {
            boolean reacted = reactors.values().stream().anyMatch(users -> users.contains(viewer));
            views.put(viewer, reacted ? shared.withReactions(reactions(reactors, viewer)) : shared);
        }
        return views;
    }

    /**
     * A message just inserted, as every member sees it: nobody has reacted to it yet (a reaction takes a
     * later seq), so all share one rendering, made from the row without reading it back.
     */
    MessageView newlyPosted(MessageRow message) {
        return render(message, cards(List.of(message)), media(List.of(message)), List.of());
    }

    private static List<MessageView.Reaction> reactions(Map<String, Set<UUID>> reactors, @Nullable UUID viewer) {
        return reactors.entrySet().stream()
                .map(emoji -> new MessageView.Reaction(emoji.getKey(), emoji.getValue().size(), viewer != null && emoji.getValue().contains(viewer)))
                .toList();
    }

    private Map<UUID, MessageView.GatheringCard> cards(List<MessageRow> messages) {
        Set<UUID> gatheringIds = new LinkedHashSet<>();
        messages.stream().map(MessageRow::gatheringId).filter(Objects::nonNull).forEach(gatheringIds::add);
        Map<UUID, MessageView.GatheringCard> cards = new HashMap<>();
        gatheringCards.of(gatheringIds).forEach((id, card) -> cards.put(id,
                new MessageView.GatheringCard(card.gatheringId(), card.title(), card.startsAt(), card.status())));
        return cards;
    }

    private Map<UUID, MediaRows.Shown> media(List<MessageRow> messages) {
        return media.shown(messages.stream().flatMap(message -> message.mediaIds().stream()).collect(Collectors.toSet()));
    }

    private static MessageView render(MessageRow message, Map<UUID, MessageView.GatheringCard> cards, Map<UUID, MediaRows.Shown> shown,
                                      List<MessageView.Reaction> reactions) {
        UUID gatheringId = message.gatheringId();
        MessageView.GatheringCard gathering = gatheringId == null ? null
                : cards.getOrDefault(gatheringId, new MessageView.GatheringCard(new GatheringId(gatheringId), null,
                        null, null));
        MessageView.ReminderView reminder = message.reminderAt() == null ? null
                : new MessageView.ReminderView(message.reminderAt(), message.reminderText(), message.reminderFiredAt());
        List<MessageView.Media> media = message.mediaIds().isEmpty() ? null
                : message.mediaIds().stream().map(shown::get).filter(Objects::nonNull)
                        .map(medium -> new MessageView.Media(medium.mediaId(), medium.kind(), medium.width(), medium.height(), medium.durationMs()))
                        .toList();
        return new MessageView(new MessageId(message.messageId()), message.seq(),
                message.senderId() == null ? null : new UserId(message.senderId()), message.type(), message.text(), media, gathering,
                reminder, message.replyToMessageId() == null ? null : new MessageId(message.replyToMessageId()), reactions,
                message.editedAt(), message.deleted(), message.createdAt(), false);
    }
}
