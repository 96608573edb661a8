package app.soiree.command.notification;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.gathering.GatheringCancelled;
import app.soiree.api.gathering.GatheringCreated;
import app.soiree.api.gathering.GatheringDetails;
import app.soiree.api.gathering.GatheringEdited;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.GatheringPublished;
import app.soiree.api.gathering.RefundPolicy;
import app.soiree.api.gathering.Venue;
import app.soiree.api.identity.UserId;
import app.soiree.api.notification.NotificationId;
import app.soiree.api.notification.NotificationKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reminders' durable deadlines: scheduled on publishing, moved with the start, dropped on cancellation. */
class GatheringRemindersTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final Instant STARTS = NOW.plus(Duration.ofDays(3));
    static final GatheringId GATHERING = new GatheringId(new UUID(0, 1));
    static final UserId HOST = new UserId(new UUID(0, 2));
    static final UserId GUEST = new UserId(new UUID(0, 3));

    private SagaTestFixture<GatheringReminders> fixture;
    private final List<NotificationDraft> planned = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(GatheringReminders.class);
        fixture.registerResource(new NotificationsProperties(null, null, null, null, null, null, null, null, null, null, null));
        fixture.registerResource(new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return fixture.currentTime();
            }
        });
        fixture.registerResource(new Gatherings(null) {
            @Override
            List<UserId> confirmedGuests(GatheringId gatheringId) {
                return List.of(GUEST);
            }
        });
        fixture.registerResource(new NotificationPlanner(null, null, null, null, null, null) {
            @Override
            public Optional<NotificationId> plan(NotificationDraft draft) {
                planned.add(draft);
                return Optional.of(NotificationId.of(draft.triggerKey(), draft.recipientId(), draft.kind()));
            }
        });
        fixture.withTransienceCheckDisabled();
    }

    static GatheringDetails details(Instant startsAt) {
        return new GatheringDetails("Supper club", "", startsAt, startsAt.plus(Duration.ofHours(3)), "Europe/Paris",
                new Venue("Chez Ana", "1 rue de la Paix", null, null), false, List.of(), new RefundPolicy(48));
    }

    @Test
    void aPublishedGatheringsGuestsAreRemindedADayAndAnHourBefore() {
        fixture.givenCurrentTime(NOW).andThenAggregate(GATHERING.toString()).published(new GatheringCreated(GATHERING, HOST, details(STARTS), List.of(), NOW))
                .whenAggregate(GATHERING.toString()).publishes(new GatheringPublished(GATHERING, HOST, NOW))
                .expectScheduledDeadlineWithName(Duration.ofDays(2), GatheringReminders.REMINDER_DEADLINE)
                .expectScheduledDeadlineWithName(Duration.ofDays(3).minusHours(1), GatheringReminders.REMINDER_DEADLINE);

        fixture.whenTimeElapses(Duration.ofDays(2)).expectDeadlinesMet("PT24H");
        assertThat(planned).singleElement().satisfies(draft -> {
            assertThat(draft.recipientId()).isEqualTo(GUEST);
            assertThat(draft.kind()).isEqualTo(NotificationKind.GATHERING_REMINDER);
            assertThat(draft.data()).containsEntry("lead", "PT24H").containsEntry("gatheringTitle", "Supper club")
                    .containsEntry("venue", "Chez Ana, 1 rue de la Paix");
            assertThat(draft.staleAt()).isEqualTo(STARTS);
            assertThat(draft.triggerKey()).contains(STARTS.toString());
        });
    }

    @Test
    void aNewStartMovesTheRemindersAndACancellationDropsThem() {
        Instant later = STARTS.plus(Duration.ofDays(1));
        fixture.givenCurrentTime(NOW).andThenAggregate(GATHERING.toString()).published(new GatheringCreated(GATHERING, HOST, details(STARTS), List.of(), NOW),
                        new GatheringPublished(GATHERING, HOST, NOW))
                .whenAggregate(GATHERING.toString()).publishes(new GatheringEdited(GATHERING, details(later), List.of(), NOW))
                .expectScheduledDeadlineWithName(Duration.ofDays(3), GatheringReminders.REMINDER_DEADLINE)
                .expectScheduledDeadlineWithName(Duration.ofDays(4).minusHours(1), GatheringReminders.REMINDER_DEADLINE)
                .expectNoScheduledDeadlineWithName(Duration.ofDays(2), GatheringReminders.REMINDER_DEADLINE);

        fixture.whenTimeElapses(Duration.ofDays(3)).expectDeadlinesMet("PT24H");
        assertThat(planned).singleElement().satisfies(draft -> assertThat(draft.data()).containsEntry("startsAt", later.toString()));

        fixture.whenAggregate(GATHERING.toString()).publishes(new GatheringCancelled(GATHERING, HOST, "Storm", List.of(), NOW))
                .expectNoScheduledDeadlines();
    }

    @Test
    void cancellingOneGatheringLeavesTheRemindersOfAnother() {
        GatheringId other = new GatheringId(new UUID(0, 9));
        fixture.givenCurrentTime(NOW)
                .andThenAggregate(GATHERING.toString()).published(new GatheringCreated(GATHERING, HOST, details(STARTS), List.of(), NOW),
                        new GatheringPublished(GATHERING, HOST, NOW))
                .andThenAggregate(other.toString()).published(new GatheringCreated(other, HOST, details(STARTS.plusSeconds(60)), List.of(), NOW),
                        new GatheringPublished(other, HOST, NOW))
                .whenAggregate(GATHERING.toString()).publishes(new GatheringCancelled(GATHERING, HOST, "Storm", List.of(), NOW))
                .expectScheduledDeadlineWithName(Duration.ofDays(2).plusSeconds(60), GatheringReminders.REMINDER_DEADLINE)
                .expectNoScheduledDeadlineWithName(Duration.ofDays(2), GatheringReminders.REMINDER_DEADLINE);
    }

    @Test
    void aDraftIsNotReminderMaterial() {
        fixture.givenCurrentTime(NOW)
                .whenAggregate(GATHERING.toString()).publishes(new GatheringCreated(GATHERING, HOST, details(STARTS), List.of(), NOW))
                .expectNoScheduledDeadlines();
    }
}
