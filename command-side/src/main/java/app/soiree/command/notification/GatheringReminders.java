package app.soiree.command.notification;

import app.soiree.api.gathering.GatheringCancelled;
import app.soiree.api.gathering.GatheringCreated;
import app.soiree.api.gathering.GatheringDetails;
import app.soiree.api.gathering.GatheringEdited;
import app.soiree.api.gathering.GatheringEnded;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.GatheringPublished;
import app.soiree.api.identity.UserId;
import app.soiree.api.notification.NotificationKind;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Reminds a published gathering's guests {@code soiree.notifications.reminder-lead-times} before it starts (24 hours and
 * 1 hour): one durable deadline per lead time, moved when the start moves, dropped when the gathering is cancelled or
 * over. When one fires, every guest confirmed at that moment is reminded; the start is part of each reminder's trigger,
 * so a reminder for a start that has since moved is a different notification from the one for the new start.
 */
@Saga
@ProcessingGroup(GatheringReminders.PROCESSING_GROUP)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public class GatheringReminders {

    static final String PROCESSING_GROUP = "notification-reminders";
    static final String REMINDER_DEADLINE = "gathering-reminder";

    private GatheringId gatheringId;
    private String title;
    private Instant startsAt;
    private String timezone;
    private @Nullable String venue;
    private boolean published;
    /** The reminders' deadlines, to cancel exactly these (cancelling by name would reach every gathering's). */
    private List<String> scheduled = new ArrayList<>();

    @Autowired
    private transient NotificationPlanner planner;
    @Autowired
    private transient Gatherings gatherings;
    @Autowired
    private transient NotificationsProperties properties;

    @StartSaga
    @SagaEventHandler(associationProperty = "gatheringId")
    void on(GatheringCreated event) {
        gatheringId = event.gatheringId();
        take(event.details());
    }

    @SagaEventHandler(associationProperty = "gatheringId")
    void on(GatheringPublished event, DeadlineManager deadlines, Clock clock) {
        published = true;
        schedule(deadlines, clock);
    }

    @SagaEventHandler(associationProperty = "gatheringId")
    void on(GatheringEdited event, DeadlineManager deadlines, Clock clock) {
        Instant before = startsAt;
        take(event.details());
        if (published && !before.equals(startsAt)) {
            cancel(deadlines);
            schedule(deadlines, clock);
        }
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "gatheringId")
    void on(GatheringCancelled event, DeadlineManager deadlines) {
        cancel(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "gatheringId")
    void on(GatheringEnded event, DeadlineManager deadlines) {
        cancel(deadlines);
    }

    /** @param lead the lead time this reminder is for, as ISO-8601 ({@code PT24H}) */
    @DeadlineHandler(deadlineName = REMINDER_DEADLINE)
    void remind(String lead, Clock clock) {
        Map<String, String> data = new HashMap<>();
        data.put("gatheringId", gatheringId.toString());
        data.put("gatheringTitle", title);
        data.put("startsAt", startsAt.toString());
        data.put("timezone", timezone);
        data.put("lead", lead);
        if (venue != null) {
            data.put("venue", venue);
        }
        String trigger = "reminder:" + gatheringId + ":" + lead + ":" + startsAt;
        for (UserId guest : gatherings.confirmedGuests(gatheringId)) {
            planner.plan(new NotificationDraft(trigger, guest, NotificationKind.GATHERING_REMINDER, data, "/gatherings/" + gatheringId,
                    clock.instant(), null, startsAt, null));
        }
    }

    private void schedule(DeadlineManager deadlines, Clock clock) {
        for (Duration lead : properties.reminderLeadTimes()) {
            Instant at = startsAt.minus(lead);
            if (at.isAfter(clock.instant())) {
                scheduled.add(deadlines.schedule(at, REMINDER_DEADLINE, lead.toString()));
            }
        }
    }

    private void cancel(DeadlineManager deadlines) {
        scheduled.forEach(id -> deadlines.cancelSchedule(REMINDER_DEADLINE, id));
        scheduled = new ArrayList<>();
    }

    private void take(GatheringDetails details) {
        title = details.title();
        startsAt = details.startsAt();
        timezone = details.timezone();
        venue = GatheringNotices.venue(details);
    }
}
