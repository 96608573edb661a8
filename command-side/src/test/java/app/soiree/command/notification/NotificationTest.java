package app.soiree.command.notification;

import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.UserId;
import app.soiree.api.notification.DeliveryDeferred;
import app.soiree.api.notification.DeliveryDue;
import app.soiree.api.notification.DeliveryFailed;
import app.soiree.api.notification.DeliveryOutcome;
import app.soiree.api.notification.DeliveryOutcomeUnknown;
import app.soiree.api.notification.DeliveryPlan;
import app.soiree.api.notification.DeliveryResendRequested;
import app.soiree.api.notification.DeliverySent;
import app.soiree.api.notification.DeliverySkipped;
import app.soiree.api.notification.DeliveryStatus;
import app.soiree.api.notification.DeliveryStatusReported;
import app.soiree.api.notification.MarkNotificationRead;
import app.soiree.api.notification.NotificationChannel;
import app.soiree.api.notification.NotificationContent;
import app.soiree.api.notification.NotificationId;
import app.soiree.api.notification.NotificationKind;
import app.soiree.api.notification.NotificationPlanned;
import app.soiree.api.notification.NotificationRead;
import app.soiree.api.notification.NotificationWithdrawn;
import app.soiree.api.notification.PlanNotification;
import app.soiree.api.notification.RecordDeliveryOutcome;
import app.soiree.api.notification.RecordProviderStatus;
import app.soiree.api.notification.ResendNotification;
import app.soiree.api.notification.SkipReason;
import app.soiree.api.notification.WithdrawNotification;
import app.soiree.command.FixtureClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class NotificationTest {

    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private static final UserId ANA = new UserId(UUID.fromString("00000000-0000-0000-0000-000000000002"));
    private static final UserId SUPPORT = new UserId(UUID.fromString("00000000-0000-0000-0000-000000000005"));
    private static final NotificationId ID = NotificationId.of("booking-confirmed:b1", ANA, NotificationKind.BOOKING_CONFIRMED);
    private static final NotificationContent CONTENT = new NotificationContent("You're going", "Confirmed", "http://x/b1",
            Map.of("bookingId", "b1"), "en");
    private static final Instant STALE = START.plus(Duration.ofHours(24));
    private static final NotificationsProperties PROPERTIES = new NotificationsProperties(null, null, null, null, null, 3,
            Duration.ofSeconds(30), null, null, null, null);

    private AggregateTestFixture<Notification> fixture;

    private AggregateTestFixture<Notification> fresh() {
        fixture = new AggregateTestFixture<>(Notification.class);
        fixture.registerInjectableResource(new FixtureClock(() -> fixture == null ? START : fixture.currentTime()));
        fixture.registerInjectableResource(PROPERTIES);
        return fixture;
    }

    private TestExecutor<Notification> given(Object... events) {
        return fresh().givenCurrentTime(START).andGiven(events);
    }

    private static PlanNotification plan(@Nullable Instant deliverAt, DeliveryPlan... deliveries) {
        return new PlanNotification(ID, ANA, NotificationKind.BOOKING_CONFIRMED, "booking-confirmed:b1", CONTENT, List.of(deliveries), 7,
                deliverAt, STALE);
    }

    /**
     * Planned with nothing decided for any channel in the plan's own event: as a plan made now that only defers or sends
     * later, or as every plan stored before the plan carried its decisions (then followed by {@link #inApp()} and
     * separate skips, which rebuild the same state).
     */
    private static NotificationPlanned planned(@Nullable Instant deliverAt) {
        return planned(deliverAt, Map.of(), Set.of());
    }

    private static NotificationPlanned planned(@Nullable Instant deliverAt, Map<NotificationChannel, SkipReason> skipped,
                                               Set<NotificationChannel> delivered) {
        return planned(deliverAt, skipped, delivered, Set.of());
    }

    private static NotificationPlanned planned(@Nullable Instant deliverAt, Map<NotificationChannel, SkipReason> skipped,
                                               Set<NotificationChannel> delivered, Set<NotificationChannel> due) {
        return new NotificationPlanned(ID, ANA, NotificationKind.BOOKING_CONFIRMED, NotificationKind.BOOKING_CONFIRMED.category(),
                "booking-confirmed:b1", CONTENT, deliverAt, STALE, 7, START, skipped, delivered, due);
    }

    /** Planned now, delivered to the inbox in the plan's own event. */
    private static NotificationPlanned plannedIntoTheInbox() {
        return planned(null, Map.of(), Set.of(NotificationChannel.IN_APP));
    }

    private static DeliveryDue due(NotificationChannel channel, int attempt, Instant at) {
        return new DeliveryDue(ID, ANA, NotificationKind.BOOKING_CONFIRMED, channel, attempt, null, at);
    }

    private static DeliverySent inApp() {
        return new DeliverySent(ID, ANA, NotificationChannel.IN_APP, 1, null, null, null, START);
    }

    @Test
    void aPlanSendsSkipsAndHoldsBackPerChannelAndIsMadeOnce() {
        Instant morning = START.plus(Duration.ofHours(8));
        fresh().givenCurrentTime(START)
                .when(plan(null, DeliveryPlan.send(NotificationChannel.IN_APP), DeliveryPlan.send(NotificationChannel.EMAIL),
                        DeliveryPlan.after(NotificationChannel.SMS, morning),
                        DeliveryPlan.skip(NotificationChannel.WHATSAPP, SkipReason.NO_WHATSAPP_CONSENT)))
                .expectEvents(planned(null, Map.of(NotificationChannel.WHATSAPP, SkipReason.NO_WHATSAPP_CONSENT), Set.of(NotificationChannel.IN_APP),
                                Set.of(NotificationChannel.EMAIL)),
                        new DeliveryDeferred(ID, ANA, NotificationChannel.SMS, morning, DeliveryDeferred.Reason.QUIET_HOURS, START))
                .expectScheduledDeadlineWithName(Duration.ofHours(8), Notification.DUE_DEADLINE);

        given(plannedIntoTheInbox()).when(plan(null, DeliveryPlan.send(NotificationChannel.IN_APP))).expectNoEvents();
        given(planned(null), inApp()) // planned before plans carried their decisions
                .when(plan(null, DeliveryPlan.send(NotificationChannel.IN_APP))).expectNoEvents();
    }

    /** A plan's own decisions leave each channel where the separate events stored before them did. */
    @Test
    void decisionsInThePlanRebuildTheSameStateAsSeparateEvents() {
        Map<NotificationChannel, SkipReason> skipped = Map.of(NotificationChannel.SMS, SkipReason.NO_VERIFIED_PHONE,
                NotificationChannel.WHATSAPP, SkipReason.NO_WHATSAPP_CONSENT);
        for (Object[] history : List.of(new Object[] {planned(null, skipped, Set.of(NotificationChannel.IN_APP))},
                new Object[] {planned(null), inApp(), new DeliverySkipped(ID, ANA, NotificationChannel.SMS, SkipReason.NO_VERIFIED_PHONE, 7, START),
                        new DeliverySkipped(ID, ANA, NotificationChannel.WHATSAPP, SkipReason.NO_WHATSAPP_CONSENT, 7, START)})) {
            given(history).when(new MarkNotificationRead(ID, ANA)).expectEvents(new NotificationRead(ID, ANA, START));
            given(history).when(new ResendNotification(ID, NotificationChannel.IN_APP, SUPPORT)).expectException(SoireeException.class);
            given(history).when(new ResendNotification(ID, NotificationChannel.SMS, SUPPORT))
                    .expectEvents(new DeliveryResendRequested(ID, ANA, NotificationChannel.SMS, SUPPORT, START),
                            new DeliveryDue(ID, ANA, NotificationKind.BOOKING_CONFIRMED, NotificationChannel.SMS, 1, SUPPORT, START));
            given(history).when(new WithdrawNotification(ID, "The booking was confirmed")).expectNoEvents(); // shown, nothing waits
        }
    }

    /** A send due in the plan's own event is attempt 1 under way, as a separate {@link DeliveryDue} stored before made it. */
    @Test
    void aSendDueInThePlanIsUnderWayAsASeparateDueEventMadeIt() {
        for (Object[] history : List.of(new Object[] {planned(null, Map.of(), Set.of(NotificationChannel.IN_APP), Set.of(NotificationChannel.EMAIL))},
                new Object[] {planned(null), inApp(), due(NotificationChannel.EMAIL, 1, START)})) {
            given(history).when(new RecordDeliveryOutcome(ID, NotificationChannel.EMAIL, 1, DeliveryOutcome.sent("m-1", "a•••@soiree.test")))
                    .expectEvents(new DeliverySent(ID, ANA, NotificationChannel.EMAIL, 1, "m-1", "a•••@soiree.test", null, START));
            given(history).when(new RecordDeliveryOutcome(ID, NotificationChannel.EMAIL, 2, DeliveryOutcome.sent("m-2", "a•••@soiree.test")))
                    .expectNoEvents(); // not the current attempt
            given(history).when(new ResendNotification(ID, NotificationChannel.EMAIL, SUPPORT)).expectException(SoireeException.class);
            given(history).when(new WithdrawNotification(ID, "The booking was confirmed")).expectNoEvents(); // out already, nothing waits
        }
    }

    @Test
    void aHeldBackDeliveryGoesOutWhenItsTimeComesUnlessItWentStale() {
        Instant morning = START.plus(Duration.ofHours(8));
        fresh().givenCurrentTime(START).andGivenCommands(plan(null, DeliveryPlan.after(NotificationChannel.SMS, morning)))
                .whenThenTimeElapses(Duration.ofHours(8))
                .expectDeadlinesMet(NotificationChannel.SMS)
                .expectEvents(due(NotificationChannel.SMS, 1, morning));

        fresh().givenCurrentTime(START)
                .when(plan(null, DeliveryPlan.after(NotificationChannel.SMS, STALE.plusSeconds(1))))
                .expectEvents(planned(null, Map.of(NotificationChannel.SMS, SkipReason.QUIET_HOURS_STALE), Set.of()));
    }

    @Test
    void aTransientFailureIsRetriedWithADoublingWaitUntilTheAttemptsRunOut() {
        given(planned(null), due(NotificationChannel.SMS, 1, START))
                .when(new RecordDeliveryOutcome(ID, NotificationChannel.SMS, 1, DeliveryOutcome.transientFailure("20429", "Too many requests")))
                .expectEvents(new DeliveryFailed(ID, ANA, NotificationChannel.SMS, 1, "20429", "Too many requests", false, true, START),
                        new DeliveryDeferred(ID, ANA, NotificationChannel.SMS, START.plusSeconds(30), DeliveryDeferred.Reason.RETRY, START))
                .expectScheduledDeadlineWithName(Duration.ofSeconds(30), Notification.DUE_DEADLINE);

        given(planned(null), due(NotificationChannel.SMS, 1, START),
                new DeliveryFailed(ID, ANA, NotificationChannel.SMS, 1, "20429", "x", false, true, START),
                new DeliveryDeferred(ID, ANA, NotificationChannel.SMS, START.plusSeconds(30), DeliveryDeferred.Reason.RETRY, START),
                due(NotificationChannel.SMS, 2, START))
                .when(new RecordDeliveryOutcome(ID, NotificationChannel.SMS, 2, DeliveryOutcome.transientFailure("20429", "again")))
                .expectEvents(new DeliveryFailed(ID, ANA, NotificationChannel.SMS, 2, "20429", "again", false, true, START),
                        new DeliveryDeferred(ID, ANA, NotificationChannel.SMS, START.plusSeconds(60), DeliveryDeferred.Reason.RETRY, START));

        given(planned(null), due(NotificationChannel.SMS, 3, START))
                .when(new RecordDeliveryOutcome(ID, NotificationChannel.SMS, 3, DeliveryOutcome.transientFailure("20429", "last")))
                .expectEvents(new DeliveryFailed(ID, ANA, NotificationChannel.SMS, 3, "20429", "last", false, false, START))
                .expectNoScheduledDeadlines();
    }

    @Test
    void permanentFailuresAndLostAnswersAreNeverSentAgain() {
        given(planned(null), due(NotificationChannel.SMS, 1, START))
                .when(new RecordDeliveryOutcome(ID, NotificationChannel.SMS, 1, DeliveryOutcome.permanentFailure("21211", "Invalid number")))
                .expectEvents(new DeliveryFailed(ID, ANA, NotificationChannel.SMS, 1, "21211", "Invalid number", true, false, START))
                .expectNoScheduledDeadlines();

        given(planned(null), due(NotificationChannel.SMS, 1, START))
                .when(new RecordDeliveryOutcome(ID, NotificationChannel.SMS, 1, DeliveryOutcome.unknown("Read timed out")))
                .expectEvents(new DeliveryOutcomeUnknown(ID, ANA, NotificationChannel.SMS, 1, "Read timed out", START))
                .expectNoScheduledDeadlines();

        given(planned(null), due(NotificationChannel.SMS, 2, START))
                .when(new RecordDeliveryOutcome(ID, NotificationChannel.SMS, 1, DeliveryOutcome.sent("SM1", "+33••••78")))
                .expectNoEvents(); // an answer to an attempt that is not the current one
    }

    @Test
    void providerReportsOnlyEverMoveADeliveryForward() {
        DeliverySent sent = new DeliverySent(ID, ANA, NotificationChannel.SMS, 1, "SM1", "+33••••78", null, START);
        DeliveryStatusReported delivered = new DeliveryStatusReported(ID, ANA, NotificationChannel.SMS, DeliveryStatus.DELIVERED,
                "delivered", "SM1", null, START);
        given(planned(null), due(NotificationChannel.SMS, 1, START), sent)
                .when(new RecordProviderStatus(ID, NotificationChannel.SMS, "SM1", DeliveryStatus.DELIVERED, "delivered", null, START))
                .expectEvents(delivered);
        given(planned(null), due(NotificationChannel.SMS, 1, START), sent, delivered)
                .when(new RecordProviderStatus(ID, NotificationChannel.SMS, "SM1", DeliveryStatus.SENT, "sent", null, START))
                .expectNoEvents();
        given(planned(null), due(NotificationChannel.SMS, 1, START), sent, delivered)
                .when(new RecordProviderStatus(ID, NotificationChannel.SMS, "SM1", DeliveryStatus.DELIVERED, "delivered", null, START))
                .expectNoEvents();
        given(planned(null), due(NotificationChannel.SMS, 1, START), sent, delivered)
                .when(new RecordProviderStatus(ID, NotificationChannel.SMS, "SM1", DeliveryStatus.FAILED, "undelivered", "30003", START))
                .expectNoEvents();
        // a lost answer settled by the provider's callback after all
        given(planned(null), due(NotificationChannel.SMS, 1, START), new DeliveryOutcomeUnknown(ID, ANA, NotificationChannel.SMS, 1, "t", START))
                .when(new RecordProviderStatus(ID, NotificationChannel.SMS, "SM1", DeliveryStatus.SENT, "sent", null, START))
                .expectEvents(new DeliveryStatusReported(ID, ANA, NotificationChannel.SMS, DeliveryStatus.SENT, "sent", "SM1", null, START));
    }

    @Test
    void aWarningPlannedAheadIsWithdrawnWhenWhatItWarnsOfStopsBeingTrue() {
        Instant warnAt = START.plus(Duration.ofMinutes(7));
        fresh().givenCurrentTime(START)
                .when(plan(warnAt, DeliveryPlan.send(NotificationChannel.IN_APP), DeliveryPlan.send(NotificationChannel.EMAIL)))
                .expectEvents(planned(warnAt),
                        new DeliveryDeferred(ID, ANA, NotificationChannel.IN_APP, warnAt, DeliveryDeferred.Reason.SCHEDULED, START),
                        new DeliveryDeferred(ID, ANA, NotificationChannel.EMAIL, warnAt, DeliveryDeferred.Reason.SCHEDULED, START));

        given(planned(warnAt), new DeliveryDeferred(ID, ANA, NotificationChannel.IN_APP, warnAt, DeliveryDeferred.Reason.SCHEDULED, START),
                new DeliveryDeferred(ID, ANA, NotificationChannel.EMAIL, warnAt, DeliveryDeferred.Reason.SCHEDULED, START))
                .when(new WithdrawNotification(ID, "The booking was confirmed"))
                .expectEvents(new NotificationWithdrawn(ID, ANA, "The booking was confirmed", START),
                        new DeliverySkipped(ID, ANA, NotificationChannel.IN_APP, SkipReason.WITHDRAWN, 7, START),
                        new DeliverySkipped(ID, ANA, NotificationChannel.EMAIL, SkipReason.WITHDRAWN, 7, START));

        // already in the inbox: it stays there, only what still waits stays in
        given(planned(null), inApp(), new DeliveryDeferred(ID, ANA, NotificationChannel.SMS, warnAt, DeliveryDeferred.Reason.QUIET_HOURS, START))
                .when(new WithdrawNotification(ID, "The booking was confirmed"))
                .expectEvents(new DeliverySkipped(ID, ANA, NotificationChannel.SMS, SkipReason.WITHDRAWN, 7, START));
    }

    @Test
    void onlyItsRecipientReadsItAndReadingTwiceChangesNothing() {
        given(planned(null), inApp()).when(new MarkNotificationRead(ID, ANA)).expectEvents(new NotificationRead(ID, ANA, START));
        given(planned(null), inApp(), new NotificationRead(ID, ANA, START)).when(new MarkNotificationRead(ID, ANA)).expectNoEvents();
        given(planned(null), inApp()).when(new MarkNotificationRead(ID, SUPPORT)).expectException(SoireeException.class);
        given(planned(START.plusSeconds(60))).when(new MarkNotificationRead(ID, ANA)).expectException(SoireeException.class);
    }

    @Test
    void supportResendsOnAChannelInTheirName() {
        given(planned(null), due(NotificationChannel.EMAIL, 1, START),
                new DeliveryFailed(ID, ANA, NotificationChannel.EMAIL, 1, "550", "Mailbox unavailable", true, false, START))
                .when(new ResendNotification(ID, NotificationChannel.EMAIL, SUPPORT))
                .expectEvents(new DeliveryResendRequested(ID, ANA, NotificationChannel.EMAIL, SUPPORT, START),
                        new DeliveryDue(ID, ANA, NotificationKind.BOOKING_CONFIRMED, NotificationChannel.EMAIL, 2, SUPPORT, START));
        given(planned(null), due(NotificationChannel.EMAIL, 1, START))
                .when(new ResendNotification(ID, NotificationChannel.EMAIL, SUPPORT))
                .expectException(SoireeException.class);
        given(planned(null), inApp()).when(new ResendNotification(ID, NotificationChannel.IN_APP, SUPPORT))
                .expectException(SoireeException.class);
    }
}
