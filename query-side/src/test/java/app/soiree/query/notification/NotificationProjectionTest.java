package app.soiree.query.notification;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.identity.PersonalData;
import app.soiree.api.identity.PersonalDataErased;
import app.soiree.api.identity.UserId;
import app.soiree.api.notification.AllNotificationsRead;
import app.soiree.api.notification.ChannelOptOutChanged;
import app.soiree.api.notification.DeliveryDeferred;
import app.soiree.api.notification.DeliveryDue;
import app.soiree.api.notification.DeliveryFailed;
import app.soiree.api.notification.DeliveryResendRequested;
import app.soiree.api.notification.DeliverySent;
import app.soiree.api.notification.DeliverySkipped;
import app.soiree.api.notification.DeliveryStatus;
import app.soiree.api.notification.DeliveryStatusReported;
import app.soiree.api.notification.FindNotificationsForStaff;
import app.soiree.api.notification.NotificationChannel;
import app.soiree.api.notification.NotificationContent;
import app.soiree.api.notification.NotificationId;
import app.soiree.api.notification.NotificationKind;
import app.soiree.api.notification.NotificationPlanned;
import app.soiree.api.notification.NotificationPreferences;
import app.soiree.api.notification.NotificationPreferencesChanged;
import app.soiree.api.notification.NotificationRead;
import app.soiree.api.notification.NotificationWithdrawn;
import app.soiree.api.notification.PhoneNumberVerified;
import app.soiree.api.notification.QuietHours;
import app.soiree.api.notification.SkipReason;
import app.soiree.api.notification.StaffNotificationPage;
import app.soiree.api.notification.StaffNotificationView;
import app.soiree.api.notification.StaffNotificationView.Step;
import app.soiree.api.notification.WhatsAppConsentChanged;
import app.soiree.query.ProjectionTest;
import app.soiree.query.RecordedPushes;
import app.soiree.query.paging.Cursor;
import app.soiree.query.paging.KeysetPage;
import app.soiree.query.realtime.PushEnvelope;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The notifications read model fed event by event, redeliveries included, and read as recipients and support read it. */
class NotificationProjectionTest extends ProjectionTest {

    static final Instant START = Instant.parse("2026-12-04T10:00:00Z");

    final UserId ana = UserId.random();
    final UserId ben = UserId.random();
    final UserId staff = UserId.random();

    @Autowired
    NotificationRows rows;
    @Autowired
    NotificationSettingsRows settings;
    @Autowired
    RecordedPushes pushes;
    @Autowired
    QueryGateway queries;

    @BeforeEach
    void nothingPushedYet() {
        pushes.clear();
    }

    @Test
    void aNotificationForLaterShowsOnlyOnceItsInAppDeliveryWentOutAndIsPushedThen() {
        NotificationId warning = NotificationId.of("hold-1", ana, NotificationKind.HOLD_EXPIRING);
        Instant due = START.plus(Duration.ofMinutes(10));
        events.publish(planned(warning, ana, NotificationKind.HOLD_EXPIRING, "Your seats are held 5 more minutes", START, due),
                new DeliveryDeferred(warning, ana, NotificationChannel.IN_APP, due, DeliveryDeferred.Reason.SCHEDULED, START));

        assertThat(rows.inbox(ana, false, null, 20).items()).isEmpty();
        assertThat(rows.unread(ana)).isZero();
        assertThat(pushes.to(ana)).isEmpty();

        events.publish(new DeliveryDue(warning, ana, NotificationKind.HOLD_EXPIRING, NotificationChannel.IN_APP, 1, null, due),
                new DeliverySent(warning, ana, NotificationChannel.IN_APP, 1, null, null, null, due));

        assertThat(rows.inbox(ana, false, null, 20).items()).singleElement().satisfies(item -> {
            assertThat(item.notificationId()).isEqualTo(warning);
            assertThat(item.title()).isEqualTo("Your seats are held 5 more minutes");
            assertThat(item.createdAt()).isEqualTo(START);
            assertThat(item.shownAt()).isEqualTo(due);
            assertThat(item.readAt()).isNull();
            assertThat(item.data()).containsEntry("gatheringId", "g-1");
        });
        assertThat(rows.unread(ana)).isEqualTo(1);
        assertThat(pushes.to(ana)).extracting(PushEnvelope::type).containsExactly("notification.new", "unread.total");
        assertThat(pushes.to(ana, "notification.new").getFirst().data()).isInstanceOf(InboxItem.class)
                .extracting(item -> ((InboxItem) item).notificationId()).isEqualTo(warning);
        assertThat(pushes.to(ana, "unread.total").getFirst().data()).isEqualTo(new InboxPushes.UnreadNotifications("NOTIFICATIONS", 1));
        assertThat(rows.inbox(ben, false, null, 20).items()).as("nobody else's").isEmpty();
    }

    @Test
    void aRedeliveredEventChangesNothingAndIsNotPushedTwice() {
        NotificationId id = NotificationId.of("booking-1", ana, NotificationKind.BOOKING_CONFIRMED);
        events.publish(planned(id, ana, NotificationKind.BOOKING_CONFIRMED, "Booked", START, null));
        EventMessage<?> skipped = GenericEventMessage.asEventMessage(
                new DeliverySkipped(id, ana, NotificationChannel.SMS, SkipReason.NO_VERIFIED_PHONE, 3, START));
        EventMessage<?> sent = GenericEventMessage.asEventMessage(
                new DeliverySent(id, ana, NotificationChannel.IN_APP, 1, null, null, null, START.plusSeconds(1)));
        for (int delivery = 0; delivery < 2; delivery++) {
            events.deliver(NotificationProjection.PROCESSING_GROUP, skipped);
            events.deliver(NotificationProjection.PROCESSING_GROUP, sent);
        }
        // The same event as a second message (an at-least-once sender publishing it again) finds its row too.
        events.publish(new DeliverySkipped(id, ana, NotificationChannel.SMS, SkipReason.NO_VERIFIED_PHONE, 3, START));

        assertThat(jdbc.sql("select count(*) from notification_delivery_history where notification_id = ?").param(id.value())
                .query(Long.class).single()).isEqualTo(2);
        assertThat(rows.inbox(ana, false, null, 20).items()).hasSize(1);
        assertThat(pushes.to(ana, "notification.new")).hasSize(1);
        assertThat(pushes.to(ana, "unread.total")).hasSize(1);
    }

    @Test
    void theInboxPagesNewestFirstWithAStableCursorAndCanLeaveOutWhatWasRead() {
        List<NotificationId> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            NotificationId id = NotificationId.of("follow-" + i, ana, NotificationKind.NEW_FOLLOWER);
            ids.add(id);
            shown(id, ana, "Follower " + i, START.plusSeconds(i));
        }
        events.publish(new NotificationRead(ids.get(3), ana, START.plusSeconds(60)));

        KeysetPage<InboxItem> first = rows.inbox(ana, false, null, 2);
        assertThat(first.items()).extracting(InboxItem::title).containsExactly("Follower 4", "Follower 3");
        // A newer one arrives between two pages: the next page goes on where the first ended.
        shown(NotificationId.of("follow-new", ana, NotificationKind.NEW_FOLLOWER), ana, "Follower new", START.plusSeconds(30));
        KeysetPage<InboxItem> second = rows.inbox(ana, false, Cursor.decode(first.nextCursor()), 2);
        assertThat(second.items()).extracting(InboxItem::title).containsExactly("Follower 2", "Follower 1");
        KeysetPage<InboxItem> last = rows.inbox(ana, false, Cursor.decode(second.nextCursor()), 2);
        assertThat(last.items()).extracting(InboxItem::title).containsExactly("Follower 0");
        assertThat(last.nextCursor()).isNull();

        assertThat(rows.inbox(ana, true, null, 20).items()).extracting(InboxItem::title)
                .containsExactly("Follower new", "Follower 4", "Follower 2", "Follower 1", "Follower 0");
        assertThat(rows.unread(ana)).isEqualTo(5);
        assertThat(pushes.to(ana, "unread.total").getLast().data()).isEqualTo(new InboxPushes.UnreadNotifications(5));
    }

    @Test
    void aWithdrawnNotificationNeverShowsAndLeavesTheCount() {
        NotificationId id = NotificationId.of("offer-1", ana, NotificationKind.WAITLIST_OFFER);
        shown(id, ana, "A seat is yours", START);
        assertThat(rows.unread(ana)).isEqualTo(1);

        events.publish(new NotificationWithdrawn(id, ana, "offer taken", START.plusSeconds(5)));

        assertThat(rows.inbox(ana, false, null, 20).items()).isEmpty();
        assertThat(rows.unread(ana)).isZero();
        assertThat(pushes.to(ana, "unread.total").getLast().data()).isEqualTo(new InboxPushes.UnreadNotifications(0));

        NotificationId never = NotificationId.of("offer-2", ana, NotificationKind.WAITLIST_OFFER);
        events.publish(planned(never, ana, NotificationKind.WAITLIST_OFFER, "Never", START, START.plusSeconds(60)),
                new NotificationWithdrawn(never, ana, "confirmed", START.plusSeconds(10)),
                new DeliverySkipped(never, ana, NotificationChannel.IN_APP, SkipReason.WITHDRAWN, 1, START.plusSeconds(10)));
        assertThat(rows.inbox(ana, false, null, 20).items()).isEmpty();
    }

    @Test
    void readAllCoversWhatReachedTheInboxUpToThenAlsoWhenAppliedFirst() {
        NotificationId older = NotificationId.of("a", ana, NotificationKind.NEW_FOLLOWER);
        NotificationId later = NotificationId.of("b", ana, NotificationKind.NEW_FOLLOWER);
        NotificationId shownLate = NotificationId.of("c", ana, NotificationKind.NEW_FOLLOWER);
        shown(older, ana, "Older", START);
        shown(later, ana, "Later", START.plusSeconds(100));
        events.publish(planned(shownLate, ana, NotificationKind.NEW_FOLLOWER, "Applied after", START, null));

        events.publish(new AllNotificationsRead(ana, START.plusSeconds(50), START.plusSeconds(60)));
        assertThat(rows.unread(ana)).isEqualTo(1);
        // Its in-app delivery went out before the "read all" moment, though its event is applied after it.
        events.publish(new DeliverySent(shownLate, ana, NotificationChannel.IN_APP, 1, null, null, null, START.plusSeconds(40)));

        assertThat(rows.inbox(ana, true, null, 20).items()).extracting(InboxItem::title).containsExactly("Later");
        assertThat(rows.inbox(ana, false, null, 20).items()).filteredOn(item -> item.title().equals("Older")).singleElement()
                .extracting(InboxItem::readAt).isEqualTo(START.plusSeconds(60));
        assertThat(pushes.to(ana, "unread.total")).extracting(PushEnvelope::data).contains(new InboxPushes.UnreadNotifications(1));
    }

    @Test
    void supportSeesEveryDeliveryWithItsHistoryWhySkippedAndWhoResentIt() {
        NotificationId id = NotificationId.of("refund-1", ana, NotificationKind.REFUND_ISSUED);
        events.publish(planned(id, ana, NotificationKind.REFUND_ISSUED, "Refund on its way", START, null),
                new DeliverySent(id, ana, NotificationChannel.IN_APP, 1, null, null, null, START),
                new DeliverySkipped(id, ana, NotificationChannel.WHATSAPP, SkipReason.NO_WHATSAPP_CONSENT, 4, START),
                new DeliveryDue(id, ana, NotificationKind.REFUND_ISSUED, NotificationChannel.SMS, 1, null, START),
                new DeliveryFailed(id, ana, NotificationChannel.SMS, 1, "30003", "unreachable", false, true, START.plusSeconds(1)),
                new DeliveryDeferred(id, ana, NotificationChannel.SMS, START.plusSeconds(60), DeliveryDeferred.Reason.RETRY, START.plusSeconds(1)),
                new DeliveryDue(id, ana, NotificationKind.REFUND_ISSUED, NotificationChannel.SMS, 2, null, START.plusSeconds(60)),
                new DeliverySent(id, ana, NotificationChannel.SMS, 2, "SM1", "+33•••••••78", null, START.plusSeconds(61)),
                new DeliveryStatusReported(id, ana, NotificationChannel.SMS, DeliveryStatus.DELIVERED, "delivered", "SM1", null,
                        START.plusSeconds(70)),
                new DeliveryResendRequested(id, ana, NotificationChannel.EMAIL, staff, START.plusSeconds(80)),
                new DeliveryDue(id, ana, NotificationKind.REFUND_ISSUED, NotificationChannel.EMAIL, 2, staff, START.plusSeconds(80)),
                new DeliverySent(id, ana, NotificationChannel.EMAIL, 2, null, "a•••@soiree.test", staff, START.plusSeconds(81)));
        NotificationId other = NotificationId.of("other", ben, NotificationKind.NEW_FOLLOWER);
        events.publish(planned(other, ben, NotificationKind.NEW_FOLLOWER, "Not Ana's", START, null));

        StaffNotificationPage page = queries.query(new FindNotificationsForStaff(ana, null, 20),
                ResponseTypes.instanceOf(StaffNotificationPage.class)).join();

        StaffNotificationView view = page.items().getFirst();
        assertThat(page.items()).hasSize(1);
        assertThat(view.visibleAt()).isEqualTo(START);
        assertThat(view.deliveries()).extracting(StaffNotificationView.DeliveryView::channel)
                .containsExactly(NotificationChannel.IN_APP, NotificationChannel.EMAIL, NotificationChannel.SMS, NotificationChannel.WHATSAPP);
        StaffNotificationView.DeliveryView whatsapp = delivery(view, NotificationChannel.WHATSAPP);
        assertThat(whatsapp.status()).isEqualTo(DeliveryStatus.SKIPPED);
        assertThat(whatsapp.history()).singleElement().satisfies(step -> {
            assertThat(step.skipReason()).isEqualTo(SkipReason.NO_WHATSAPP_CONSENT);
            assertThat(step.preferenceVersion()).isEqualTo(4);
        });
        StaffNotificationView.DeliveryView sms = delivery(view, NotificationChannel.SMS);
        assertThat(sms.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(sms.attempt()).isEqualTo(2);
        assertThat(sms.destination()).isEqualTo("+33•••••••78");
        assertThat(sms.history()).extracting(StaffNotificationView.DeliveryStep::step)
                .containsExactly(Step.DUE, Step.FAILED, Step.DEFERRED, Step.DUE, Step.SENT, Step.STATUS_REPORTED);
        assertThat(sms.history().get(1).errorCode()).isEqualTo("30003");
        assertThat(sms.history().get(1).status()).isEqualTo(DeliveryStatus.WAITING);
        StaffNotificationView.DeliveryView email = delivery(view, NotificationChannel.EMAIL);
        assertThat(email.resentBy()).isEqualTo(staff);
        assertThat(email.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(email.history()).extracting(StaffNotificationView.DeliveryStep::step)
                .containsExactly(Step.RESEND_REQUESTED, Step.DUE, Step.SENT);
        assertThat(email.history().getFirst().resentBy()).isEqualTo(staff);
    }

    /** Skips, the inbox and the sends due at once decided while planning come in the plan's own event, and land as their own events did. */
    @Test
    void aPlanCarryingItsDecisionsShowsInTheInboxOnceAndTellsSupportWhatWasSkipped() {
        NotificationId id = NotificationId.of("booking-9", ana, NotificationKind.BOOKING_CONFIRMED);
        NotificationPlanned planned = planned(id, ana, NotificationKind.BOOKING_CONFIRMED, "Booked", START, null);
        EventMessage<?> plan = GenericEventMessage.asEventMessage(new NotificationPlanned(id, ana, planned.kind(), planned.category(),
                planned.triggerKey(), planned.content(), null, planned.staleAt(), 4, START,
                Map.of(NotificationChannel.WHATSAPP, SkipReason.NO_WHATSAPP_CONSENT, NotificationChannel.SMS, SkipReason.NO_VERIFIED_PHONE),
                Set.of(NotificationChannel.IN_APP), Set.of(NotificationChannel.EMAIL)));
        events.deliver(NotificationProjection.PROCESSING_GROUP, plan);
        events.deliver(NotificationProjection.PROCESSING_GROUP, plan);
        assertThat(delivery(staffView(), NotificationChannel.EMAIL)).satisfies(email -> {
            assertThat(email.status()).isEqualTo(DeliveryStatus.PLANNED);
            assertThat(email.attempt()).isEqualTo(1);
            assertThat(email.history()).extracting(StaffNotificationView.DeliveryStep::step).containsExactly(Step.DUE);
        });
        events.publish(new DeliverySent(id, ana, NotificationChannel.EMAIL, 1, "m-1", "a•••@soiree.test", null, START.plusSeconds(1)));

        assertThat(rows.inbox(ana, false, null, 20).items()).singleElement()
                .satisfies(item -> assertThat(item.shownAt()).isEqualTo(START));
        assertThat(rows.unread(ana)).isEqualTo(1);
        assertThat(pushes.to(ana)).extracting(PushEnvelope::type).containsExactly("notification.new", "unread.total");
        StaffNotificationView view = staffView();
        assertThat(view.deliveries()).extracting(StaffNotificationView.DeliveryView::channel)
                .containsExactlyInAnyOrder(NotificationChannel.IN_APP, NotificationChannel.EMAIL, NotificationChannel.SMS, NotificationChannel.WHATSAPP);
        StaffNotificationView.DeliveryView email = delivery(view, NotificationChannel.EMAIL);
        assertThat(email.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(email.history()).extracting(StaffNotificationView.DeliveryStep::step).containsExactly(Step.DUE, Step.SENT);
        StaffNotificationView.DeliveryView inApp = delivery(view, NotificationChannel.IN_APP);
        assertThat(inApp.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(inApp.attempt()).isEqualTo(1);
        assertThat(inApp.history()).extracting(StaffNotificationView.DeliveryStep::step).containsExactly(Step.SENT);
        StaffNotificationView.DeliveryView whatsapp = delivery(view, NotificationChannel.WHATSAPP);
        assertThat(whatsapp.status()).isEqualTo(DeliveryStatus.SKIPPED);
        assertThat(whatsapp.history()).singleElement().satisfies(step -> {
            assertThat(step.skipReason()).isEqualTo(SkipReason.NO_WHATSAPP_CONSENT);
            assertThat(step.preferenceVersion()).isEqualTo(4);
        });
        assertThat(delivery(view, NotificationChannel.SMS).history()).singleElement()
                .satisfies(step -> assertThat(step.skipReason()).isEqualTo(SkipReason.NO_VERIFIED_PHONE));
    }

    @Test
    void anOlderEventAppliedAgainDoesNotTakeADeliveryBack() {
        NotificationId id = NotificationId.of("late", ana, NotificationKind.BOOKING_CONFIRMED);
        DeliverySent sent = new DeliverySent(id, ana, NotificationChannel.SMS, 1, "SM2", "+33•••", null, START);
        events.publish(planned(id, ana, NotificationKind.BOOKING_CONFIRMED, "Booked", START, null), sent,
                new DeliveryStatusReported(id, ana, NotificationChannel.SMS, DeliveryStatus.DELIVERED, "delivered", "SM2", null,
                        START.plusSeconds(5)));
        events.publish(sent);

        assertThat(delivery(staffView(), NotificationChannel.SMS).status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void preferencesAreTheDefaultsUntilChangedAndTheNumberIsKeptMasked() {
        NotificationPreferencesView defaults = settings.preferences(ana);
        assertThat(defaults.version()).isZero();
        assertThat(defaults.timezone()).isEqualTo("UTC");
        assertThat(defaults.channels()).isEqualTo(NotificationPreferences.defaults().channels());
        assertThat(defaults.phone()).isEqualTo(new NotificationPreferencesView.Phone(null, false));

        NotificationPreferences chosen = new NotificationPreferences("Europe/Paris", new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0)),
                Map.of(NotificationChannel.SMS, false), Map.of(), "fr");
        events.publish(new NotificationPreferencesChanged(ana, chosen, 1, START),
                new PhoneNumberVerified(ana, "+33612345678", 2, START.plusSeconds(1)),
                new ChannelOptOutChanged(ana, NotificationChannel.SMS, true, 3, START.plusSeconds(2)),
                new WhatsAppConsentChanged(ana, true, 4, START.plusSeconds(3)));
        // Redelivered, an older version changes nothing.
        events.publish(new NotificationPreferencesChanged(ana, NotificationPreferences.defaults(), 0, START));

        NotificationPreferencesView view = settings.preferences(ana);
        assertThat(view.version()).isEqualTo(4);
        assertThat(view.timezone()).isEqualTo("Europe/Paris");
        assertThat(view.quietHours()).isEqualTo(new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0)));
        assertThat(view.language()).isEqualTo("fr");
        assertThat(view.channels()).containsEntry(NotificationChannel.SMS, false);
        assertThat(view.phone()).isEqualTo(new NotificationPreferencesView.Phone("+33•••••••78", true));
        assertThat(view.optedOut()).isEqualTo(Map.of(NotificationChannel.SMS, true));
        assertThat(view.whatsappConsent()).isTrue();
        assertThat(jdbc.sql("select count(*) from notification_settings where phone_masked like '%612345%'").query(Long.class).single())
                .isZero();

        events.publish(new PhoneNumberVerified(ana, "+447700900123", 5, START.plusSeconds(10)));
        assertThat(settings.preferences(ana).optedOut()).as("a new number starts without opt-outs").isEmpty();
    }

    @Test
    void anErasedUsersNameLeavesTheNotificationsOfOthersThatNameThemAndNothingElseChanges() {
        UserId carl = UserId.random();
        NotificationId bensFollow = NotificationId.of("followed:ben", ana, NotificationKind.NEW_FOLLOWER);
        NotificationId carlsFollow = NotificationId.of("followed:carl", ana, NotificationKind.NEW_FOLLOWER);
        NotificationId bensBooking = NotificationId.of("booking-ben", ana, NotificationKind.NEW_BOOKING);
        NotificationId booked = NotificationId.of("booking-ana", ana, NotificationKind.BOOKING_CONFIRMED);
        events.publish(follow(bensFollow, ben, "Ben Bright"), follow(carlsFollow, carl, "Carl Calm"),
                new NotificationPlanned(bensBooking, ana, NotificationKind.NEW_BOOKING, NotificationKind.NEW_BOOKING.category(), "trigger:b",
                        new NotificationContent("New booking for Supper", "Ben Bright booked 2 seat(s).", null,
                                Map.of(NotificationContent.GUEST_ID, ben.toString(), NotificationContent.GUEST_NAME, "Ben Bright", "quantity", "2"),
                                "en"), null, START.plus(Duration.ofDays(1)), 1, START, Map.of(), Set.of(), Set.of()),
                planned(booked, ana, NotificationKind.BOOKING_CONFIRMED, "You're going to Ben Bright's birthday", START, null));

        PersonalDataErased erasure = new PersonalDataErased(ben, null, START.plusSeconds(5));
        events.publish(erasure);
        events.publish(erasure); // redelivered: nothing more

        assertThat(texts(bensFollow)).isEqualTo("[erased] follows you|[erased] will see what you publish.");
        assertThat(dataValue(bensFollow, NotificationContent.ACTOR_NAME)).isEqualTo(PersonalData.ERASED);
        assertThat(dataValue(bensFollow, NotificationContent.ACTOR_ID)).as("ids stay").isEqualTo(ben.toString());
        assertThat(texts(bensBooking)).isEqualTo("New booking for Supper|[erased] booked 2 seat(s).");
        assertThat(dataValue(bensBooking, NotificationContent.GUEST_NAME)).isEqualTo(PersonalData.ERASED);
        assertThat(dataValue(bensBooking, "quantity")).isEqualTo("2");
        // Carl is not erased; a notification that does not say it names Ben (a gathering's title) is not touched.
        assertThat(texts(carlsFollow)).isEqualTo("Carl Calm follows you|Carl Calm will see what you publish.");
        assertThat(dataValue(carlsFollow, NotificationContent.ACTOR_NAME)).isEqualTo("Carl Calm");
        assertThat(texts(booked)).startsWith("You're going to Ben Bright's birthday|");
        assertThat(jdbc.sql("select count(*) from notification_named_people where user_id = ?").param(ben.value()).query(Long.class).single())
                .isZero();
    }

    /** The planner read Ben's name before it saw his erasure; its notification reaches this read model after the erasure. */
    @Test
    void aNotificationNamingSomeoneAlreadyErasedLosesTheNameAsItArrives() {
        events.publish(new PersonalDataErased(ben, null, START));
        NotificationId late = NotificationId.of("followed:ben", ana, NotificationKind.NEW_FOLLOWER);
        events.publish(follow(late, ben, "Ben Bright"));
        events.publish(follow(late, ben, "Ben Bright")); // redelivered

        assertThat(texts(late)).isEqualTo("[erased] follows you|[erased] will see what you publish.");
        assertThat(dataValue(late, NotificationContent.ACTOR_NAME)).isEqualTo(PersonalData.ERASED);
        assertThat(jdbc.sql("select count(*) from notification_named_people").query(Long.class).single()).isZero();
    }

    @Test
    void aPhoneNumberIsMaskedButRecognisable() {
        assertThat(PhoneMask.mask("+33612345678")).isEqualTo("+33•••••••78");
        assertThat(PhoneMask.mask("+1234")).isEqualTo("+••34");
        assertThat(PhoneMask.mask(null)).isNull();
    }

    private void shown(NotificationId id, UserId recipient, String title, Instant at) {
        events.publish(planned(id, recipient, NotificationKind.NEW_FOLLOWER, title, at, null),
                new DeliverySent(id, recipient, NotificationChannel.IN_APP, 1, null, null, null, at));
    }

    private NotificationPlanned follow(NotificationId id, UserId follower, String name) {
        return new NotificationPlanned(id, ana, NotificationKind.NEW_FOLLOWER, NotificationKind.NEW_FOLLOWER.category(), "trigger:" + id,
                new NotificationContent(name + " follows you", name + " will see what you publish.", "/users/" + follower,
                        Map.of(NotificationContent.ACTOR_ID, follower.toString(), NotificationContent.ACTOR_NAME, name), "en"),
                null, START.plus(Duration.ofDays(1)), 1, START, Map.of(), Set.of(), Set.of());
    }

    /** Title and body, as one line to compare. */
    private String texts(NotificationId id) {
        return jdbc.sql("select title || '|' || body from notifications where notification_id = ?").param(id.value()).query(String.class).single();
    }

    private String dataValue(NotificationId id, String key) {
        return jdbc.sql("select data ->> ? from notifications where notification_id = ?").param(key).param(id.value()).query(String.class).single();
    }

    /** Ana's latest notification as support sees it. */
    private StaffNotificationView staffView() {
        return queries.query(new FindNotificationsForStaff(ana, null, 20), ResponseTypes.instanceOf(StaffNotificationPage.class)).join()
                .items().getFirst();
    }

    private static StaffNotificationView.DeliveryView delivery(StaffNotificationView view, NotificationChannel channel) {
        return view.deliveries().stream().filter(delivery -> delivery.channel() == channel).findFirst().orElseThrow();
    }

    static NotificationPlanned planned(NotificationId id, UserId recipient, NotificationKind kind, String title, Instant at, Instant deliverAt) {
        return new NotificationPlanned(id, recipient, kind, kind.category(), "trigger:" + id,
                new NotificationContent(title, title + ", in full", "/gatherings/g-1", Map.of("gatheringId", "g-1"), "en"), deliverAt,
                at.plus(Duration.ofDays(1)), 1, at, Map.of(), Set.of(), Set.of());
    }
}
