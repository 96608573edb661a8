package app.soiree.query.notification;

import app.soiree.api.identity.PersonalData;
import app.soiree.api.identity.PersonalDataErased;
import app.soiree.api.identity.UserId;
import app.soiree.api.notification.DeliveryDeferred;
import app.soiree.api.notification.DeliveryDue;
import app.soiree.api.notification.DeliveryEvent;
import app.soiree.api.notification.DeliveryFailed;
import app.soiree.api.notification.DeliveryOutcomeUnknown;
import app.soiree.api.notification.DeliveryResendRequested;
import app.soiree.api.notification.DeliverySent;
import app.soiree.api.notification.DeliverySkipped;
import app.soiree.api.notification.DeliveryStatus;
import app.soiree.api.notification.DeliveryStatusReported;
import app.soiree.api.notification.NotificationChannel;
import app.soiree.api.notification.NotificationId;
import app.soiree.api.notification.NotificationPlanned;
import app.soiree.api.notification.NotificationRead;
import app.soiree.api.notification.NotificationWithdrawn;
import app.soiree.api.notification.StaffNotificationView.Step;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code notifications}, {@code notification_deliveries} and {@code notification_delivery_history} in step with
 * each notification's events (and {@code notification_named_people}: whom the texts name, for erasures), and tells
 * the recipient's socket when one reaches the inbox or their unread count moves ({@link InboxPushes}; not while
 * replaying). Every statement is safe to apply twice: rows are inserted once, the inbox's moments (shown, read,
 * withdrawn) are set once, a delivery's status only moves to a later event's, a history entry is keyed by what its
 * event said, and a name once taken out stays out.
 */
@Component
@ProcessingGroup(NotificationProjection.PROCESSING_GROUP)
class NotificationProjection {

    static final String PROCESSING_GROUP = "notification-views";
    /**
     * Takes a name ({@code %1$s}) out of notification {@code n}: out of its texts wherever it stands, and out of its data
     * where it is a whole value (the name itself, a direct chat's title). The name is exactly as the texts were made
     * with, so nothing of it is left; a name that is also a word of the text takes that word with it.
     */
    private static final String WITHOUT_NAME = """
            title = replace(n.title, %1$s, :erased), body = replace(n.body, %1$s, :erased),
            data = (select coalesce(jsonb_object_agg(key, case when value = %1$s then :erased else value end), '{}')
                    from jsonb_each_text(n.data))""";

    /** A step of a delivery; the same event applied again finds its row ({@code entry_key}) and adds none. */
    private static final String DELIVERY_HISTORY_ROW = """
            insert into notification_delivery_history (notification_id, recipient_id, channel, step, status, at, attempt, reason,
                skip_reason, preference_version, error_code, provider_status, provider_message_id, destination, resent_by, until,
                entry_key)
            values (:id, :recipient, :channel, :step, :status, :at, :attempt, :reason, :skipReason, :preferenceVersion,
                    :errorCode, :providerStatus, :providerMessageId, :destination, :resentBy, :until, :key)
            on conflict (notification_id, channel, entry_key) do nothing""";

    /** A delivery as its latest event leaves it. */
    private static final String CURRENT_DELIVERY = """
            insert into notification_deliveries (notification_id, channel, status, last_step, attempt, reason, error_code,
                provider_status, destination, resent_by, waiting_until, last_at, last_seq)
            values (:id, :channel, :status, :step, coalesce(:attempt, 0), coalesce(:reason, :skipReason), :errorCode,
                    :providerStatus, :destination, :resentBy, :until, :at, :seq)
            on conflict (notification_id, channel) do update set
                status = excluded.status, last_step = excluded.last_step,
                attempt = coalesce(:attempt, notification_deliveries.attempt),
                reason = excluded.reason, error_code = excluded.error_code,
                provider_status = coalesce(excluded.provider_status, notification_deliveries.provider_status),
                destination = coalesce(excluded.destination, notification_deliveries.destination),
                resent_by = coalesce(excluded.resent_by, notification_deliveries.resent_by),
                waiting_until = excluded.waiting_until, last_at = excluded.last_at, last_seq = excluded.last_seq
            where (notification_deliveries.last_at, notification_deliveries.last_seq) <= (excluded.last_at, excluded.last_seq)""";

    private final NamedParameterJdbcTemplate jdbc;
    private final NotificationRows rows;
    private final InboxPushes pushes;

    NotificationProjection(NamedParameterJdbcTemplate jdbc, NotificationRows rows, InboxPushes pushes) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.pushes = pushes;
    }

    @EventHandler
    void on(NotificationPlanned event, EventMessage<?> message, ReplayStatus replay) {
        jdbc.update("""
                        insert into notifications (notification_id, recipient_id, category, kind, trigger_key, title, body, link, data, language,
                                                   preference_version, created_at, deliver_at, stale_at)
                        values (:id, :recipient, :category, :kind, :trigger, :title, :body, :link, cast(:data as jsonb), :language,
                                :version, :created, :deliverAt, :staleAt)
                        on conflict (notification_id) do nothing""",
                new MapSqlParameterSource("id", event.notificationId().value()).addValue("recipient", event.recipientId().value())
                        .addValue("category", event.category().name()).addValue("kind", event.kind().name())
                        .addValue("trigger", event.triggerKey()).addValue("title", event.content().title())
                        .addValue("body", event.content().body()).addValue("link", event.content().link(), Types.VARCHAR)
                        .addValue("data", rows.dataJson(event.content().data())).addValue("language", event.content().language())
                        .addValue("version", event.preferenceVersion()).addValue("created", Timestamp.from(event.plannedAt()))
                        .addValue("deliverAt", NotificationRows.timestamp(event.deliverAt()), Types.TIMESTAMP)
                        .addValue("staleAt", Timestamp.from(event.staleAt())));
        rememberNamedPeople(event);
        decidedWhilePlanning(event, message, replay);
    }

    /** The channels the plan skipped, delivered or made due at once, as their own events did before they were part of the plan's. */
    private void decidedWhilePlanning(NotificationPlanned event, EventMessage<?> message, ReplayStatus replay) {
        long sequence = sequenceOf(message);
        List<Entry> entries = new ArrayList<>();
        event.skipped().forEach((channel, reason) -> entries.add(new Entry(event.notificationId(), event.recipientId(), channel,
                Step.SKIPPED, reason.status(), event.plannedAt(), sequence, null)
                .skipReason(reason.name()).preferenceVersion(event.preferenceVersion())));
        event.delivered().forEach(channel -> entries.add(new Entry(event.notificationId(), event.recipientId(), channel, Step.SENT,
                DeliveryStatus.DELIVERED, event.plannedAt(), sequence, 1)));
        event.due().forEach(channel -> entries.add(new Entry(event.notificationId(), event.recipientId(), channel, Step.DUE,
                DeliveryStatus.PLANNED, event.plannedAt(), sequence, 1)));
        applyAll(entries);
        if (!event.delivered().isEmpty()) {
            reachedInbox(event.notificationId(), event.recipientId(), event.plannedAt(), replay);
        }
    }

    /** One event's entries (a plan's are one for each channel): each table's rows in one batch, the history's one statement. */
    private void applyAll(List<Entry> entries) {
        jdbc.batchUpdate(DELIVERY_HISTORY_ROW, entries.stream().map(Entry::historyRow).toArray(SqlParameterSource[]::new));
        SqlParameterSource[] current = entries.stream().map(Entry::currentRow).filter(Objects::nonNull).toArray(SqlParameterSource[]::new);
        if (current.length > 0) {
            jdbc.batchUpdate(CURRENT_DELIVERY, current);
        }
    }

    /**
     * Who the notification names besides its recipient, for {@link #on(PersonalDataErased)} to find. Someone erased
     * already (the notification was planned before their erasure and reaches this read model after it) loses their
     * name at once.
     */
    private void rememberNamedPeople(NotificationPlanned event) {
        Map<UUID, String> named = new HashMap<>(event.content().namedPeople());
        named.remove(event.recipientId().value()); // the recipient's own erasure blanks the whole notification
        if (named.isEmpty()) {
            return;
        }
        Set<UUID> erased = Set.copyOf(jdbc.queryForList("select user_id from notification_erased_people where user_id in (:users)",
                new MapSqlParameterSource("users", named.keySet()), UUID.class));
        named.forEach((userId, name) -> {
            MapSqlParameterSource parameters = new MapSqlParameterSource("id", event.notificationId().value()).addValue("user", userId)
                    .addValue("name", name).addValue("erased", PersonalData.ERASED);
            if (erased.contains(userId)) {
                jdbc.update("update notifications n set " + WITHOUT_NAME.formatted(":name") + " where n.notification_id = :id", parameters);
            } else {
                jdbc.update("""
                        insert into notification_named_people (notification_id, user_id, name) values (:id, :user, :name)
                        on conflict do nothing""", parameters);
            }
        });
    }

    @EventHandler
    void on(DeliveryDeferred event, EventMessage<?> message) {
        entry(event, message, Step.DEFERRED, null).reason(event.reason().name()).until(event.until()).apply();
    }

    @EventHandler
    void on(DeliveryDue event, EventMessage<?> message) {
        entry(event, message, Step.DUE, event.attempt()).resentBy(event.resentBy()).apply();
    }

    @EventHandler
    void on(DeliverySent event, EventMessage<?> message, ReplayStatus replay) {
        entry(event, message, Step.SENT, event.attempt()).destination(event.destination()).providerMessageId(event.providerMessageId())
                .resentBy(event.resentBy()).apply();
        if (event.channel() == NotificationChannel.IN_APP) {
            reachedInbox(event.notificationId(), event.recipientId(), event.at(), replay);
        }
    }

    @EventHandler
    void on(DeliverySkipped event, EventMessage<?> message) {
        entry(event, message, Step.SKIPPED, null).skipReason(event.reason().name()).preferenceVersion(event.preferenceVersion()).apply();
    }

    @EventHandler
    void on(DeliveryFailed event, EventMessage<?> message) {
        entry(event, message, Step.FAILED, event.attempt()).errorCode(event.errorCode())
                .reason((event.permanent() ? "permanent: " : event.willRetry() ? "will retry: " : "") + event.detail()).apply();
    }

    @EventHandler
    void on(DeliveryOutcomeUnknown event, EventMessage<?> message) {
        entry(event, message, Step.OUTCOME_UNKNOWN, event.attempt()).reason(event.detail()).apply();
    }

    @EventHandler
    void on(DeliveryStatusReported event, EventMessage<?> message) {
        entry(event, message, Step.STATUS_REPORTED, null).providerStatus(event.providerStatus()).providerMessageId(event.providerMessageId())
                .errorCode(event.errorCode()).apply();
    }

    /** A request, not a move: the delivery's status changes with the {@link DeliveryDue} that follows in the staff member's name. */
    @EventHandler
    void on(DeliveryResendRequested event) {
        new Entry(event.notificationId(), event.recipientId(), event.channel(), Step.RESEND_REQUESTED, null, event.at(), 0, null)
                .resentBy(event.staffId()).apply(); // no status: a history row alone
        jdbc.update("update notification_deliveries set resent_by = :staff where notification_id = :id and channel = :channel",
                new MapSqlParameterSource("id", event.notificationId().value()).addValue("channel", event.channel().name())
                        .addValue("staff", event.staffId().value()));
    }

    @EventHandler
    void on(NotificationRead event, ReplayStatus replay) {
        List<Boolean> shown = jdbc.query("""
                        update notifications set read_at = :readAt
                        where notification_id = :id and recipient_id = :recipient and read_at is null
                        returning visible_at is not null and not withdrawn as shown""",
                new MapSqlParameterSource("id", event.notificationId().value()).addValue("recipient", event.recipientId().value())
                        .addValue("readAt", Timestamp.from(event.readAt())), (row, number) -> row.getBoolean("shown"));
        if (!replay.isReplay() && shown.contains(true)) {
            pushes.unreadMoved(event.recipientId());
        }
    }

    /** It never shows again; if it was in the inbox unread, the count drops. */
    @EventHandler
    void on(NotificationWithdrawn event, ReplayStatus replay) {
        List<Boolean> wasUnread = jdbc.query("""
                        update notifications set withdrawn = true, withdrawn_reason = :reason, withdrawn_at = :at
                        where notification_id = :id and not withdrawn
                        returning visible_at is not null and read_at is null as unread""",
                new MapSqlParameterSource("id", event.notificationId().value()).addValue("reason", event.reason())
                        .addValue("at", Timestamp.from(event.at())), (row, number) -> row.getBoolean("unread"));
        if (!replay.isReplay() && wasUnread.contains(true)) {
            pushes.unreadMoved(event.recipientId());
        }
    }

    /**
     * In the inbox from now on, once: a resent in-app delivery does not show it twice. Already read if its recipient
     * read everything up to a later moment (their "read all" may have been applied first).
     */
    private void reachedInbox(NotificationId notificationId, UserId recipient, Instant at, ReplayStatus replay) {
        List<Boolean> shownUnread = jdbc.query("""
                        update notifications n set visible_at = :at,
                            read_at = coalesce(n.read_at, (select s.all_read_at from notification_settings s
                                                          where s.user_id = n.recipient_id and s.all_read_up_to >= :at))
                        where notification_id = :id and visible_at is null
                        returning not withdrawn as shown, read_at is null as unread""",
                new MapSqlParameterSource("id", notificationId.value()).addValue("at", Timestamp.from(at)),
                (row, number) -> row.getBoolean("shown") && row.getBoolean("unread"));
        if (replay.isReplay() || shownUnread.isEmpty()) {
            return;
        }
        rows.shown(notificationId).ifPresent(item -> pushes.reachedInbox(recipient, item));
        if (shownUnread.contains(true)) {
            pushes.unreadMoved(recipient);
        }
    }

    private Entry entry(DeliveryEvent event, EventMessage<?> message, Step step, @Nullable Integer attempt) {
        return new Entry(event.notificationId(), event.recipientId(), event.channel(), step, event.status(), event.at(), sequenceOf(message),
                attempt);
    }

    /** The event's place in its notification's stream, which orders a delivery's events that share a moment. */
    private static long sequenceOf(EventMessage<?> message) {
        return message instanceof DomainEventMessage<?> domainEvent ? domainEvent.getSequenceNumber() : -1;
    }

    /** One event in a delivery's life: a history row, and the delivery's current state when it is the latest event. */
    private final class Entry {

        private final NotificationId notificationId;
        private final UserId recipient;
        private final NotificationChannel channel;
        private final Step step;
        private final @Nullable DeliveryStatus status;
        private final Instant at;
        private final long sequence;
        private final @Nullable Integer attempt;
        private @Nullable String reason;
        private @Nullable String skipReason;
        private @Nullable Long preferenceVersion;
        private @Nullable String errorCode;
        private @Nullable String providerStatus;
        private @Nullable String providerMessageId;
        private @Nullable String destination;
        private @Nullable UUID resentBy;
        private @Nullable Instant until;

        Entry(NotificationId notificationId, UserId recipient, NotificationChannel channel, Step step, @Nullable DeliveryStatus status,
              Instant at, long sequence, @Nullable Integer attempt) {
            this.notificationId = notificationId;
            this.recipient = recipient;
            this.channel = channel;
            this.step = step;
            this.status = status;
            this.at = at;
            this.sequence = sequence;
            this.attempt = attempt;
        }

        Entry reason(@Nullable String reason) {
            this.reason = reason;
            return this;
        }

        Entry skipReason(String skipReason) {
            this.skipReason = skipReason;
            return this;
        }

        Entry preferenceVersion(long preferenceVersion) {
            this.preferenceVersion = preferenceVersion;
            return this;
        }

        Entry errorCode(@Nullable String errorCode) {
            this.errorCode = errorCode;
            return this;
        }

        Entry providerStatus(String providerStatus) {
            this.providerStatus = providerStatus;
            return this;
        }

        Entry providerMessageId(@Nullable String providerMessageId) {
            this.providerMessageId = providerMessageId;
            return this;
        }

        Entry destination(@Nullable String destination) {
            this.destination = destination;
            return this;
        }

        Entry resentBy(@Nullable UserId resentBy) {
            this.resentBy = resentBy == null ? null : resentBy.value();
            return this;
        }

        Entry until(Instant until) {
            this.until = until;
            return this;
        }

        void apply() {
            applyAll(List.of(this));
        }

        /** What the event said makes its key: the same event applied again finds its row. */
        private String key() {
            return String.join("|", step.name(), at.toString(), String.valueOf(attempt), String.valueOf(status), String.valueOf(providerStatus),
                    String.valueOf(skipReason), String.valueOf(resentBy));
        }

        private MapSqlParameterSource historyRow() {
            return parameters().addValue("recipient", recipient.value()).addValue("step", step.name())
                    .addValue("status", status == null ? null : status.name(), Types.VARCHAR)
                    .addValue("skipReason", skipReason, Types.VARCHAR)
                    .addValue("preferenceVersion", preferenceVersion, Types.BIGINT)
                    .addValue("providerMessageId", providerMessageId, Types.VARCHAR)
                    .addValue("key", key());
        }

        /**
         * The delivery as this event leaves it, unless a later event (by time, then by its place in the aggregate) is applied
         * already; none for an entry without a status (a resend's request).
         */
        private @Nullable MapSqlParameterSource currentRow() {
            return status == null ? null : parameters().addValue("status", status.name()).addValue("step", step.name())
                    .addValue("skipReason", skipReason, Types.VARCHAR).addValue("seq", sequence);
        }

        private MapSqlParameterSource parameters() {
            return new MapSqlParameterSource("id", notificationId.value()).addValue("channel", channel.name())
                    .addValue("at", Timestamp.from(at)).addValue("attempt", attempt, Types.INTEGER)
                    .addValue("reason", reason, Types.VARCHAR).addValue("errorCode", errorCode, Types.VARCHAR)
                    .addValue("providerStatus", providerStatus, Types.VARCHAR).addValue("destination", destination, Types.VARCHAR)
                    .addValue("resentBy", resentBy, Types.OTHER).addValue("until", NotificationRows.timestamp(until), Types.TIMESTAMP);
        }
    }

    /**
     * An erased user's inbox keeps its notifications (ids, kinds, times, delivery steps) without their words or
     * the addresses and numbers they went to; and everyone else's notifications that name them ("Ben follows you")
     * name them no more: the name reads {@link PersonalData#ERASED}, as the erased user's name does everywhere.
     */
    @EventHandler
    void on(PersonalDataErased event) {
        MapSqlParameterSource erased = new MapSqlParameterSource("user", event.userId().value()).addValue("erased", PersonalData.ERASED);
        jdbc.update("update notifications set title = :erased, body = :erased, data = '{}' where recipient_id = :user", erased);
        jdbc.update("insert into notification_erased_people (user_id) values (:user) on conflict do nothing", erased);
        jdbc.update("""
                with named as (delete from notification_named_people where user_id = :user returning notification_id, name)
                update notifications n set %s from named where n.notification_id = named.notification_id"""
                .formatted(WITHOUT_NAME.formatted("named.name")), erased);
        jdbc.update("""
                update notification_deliveries set destination = null
                where destination is not null and notification_id in (select notification_id from notifications where recipient_id = :user)
                """, erased);
        jdbc.update("update notification_delivery_history set destination = null where recipient_id = :user and destination is not null", erased);
    }
}
