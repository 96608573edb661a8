package app.soiree.server.platform;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Duration;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;

/**
 * A test-only aggregate that schedules a deadline and records when it fires: the smallest thing
 * that shows deadlines are kept in PostgreSQL and fire after a restart. Like every aggregate, it
 * exists only where the command role runs.
 */
@Aggregate
@ConditionalOnBooleanProperty("soiree.role.command")
public class DeadlineProbe {

    public record ScheduleProbe(@TargetAggregateIdentifier String probeId, Duration delay) {
    }

    public record ProbeScheduled(String probeId) {
    }

    public record ProbeFired(String probeId) {
    }

    @AggregateIdentifier
    private String probeId;

    protected DeadlineProbe() {
    }

    @CommandHandler
    DeadlineProbe(ScheduleProbe command, DeadlineManager deadlines) {
        apply(new ProbeScheduled(command.probeId()));
        deadlines.schedule(command.delay(), "probe");
    }

    @DeadlineHandler(deadlineName = "probe")
    void fire() {
        apply(new ProbeFired(probeId));
    }

    @EventSourcingHandler
    void on(ProbeScheduled event) {
        probeId = event.probeId();
    }
}
