package app.soiree.query.operations;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jpa.JpaDeadLetter;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parks every event a projection fails to apply, says so at ERROR level, counts it, and keeps how
 * many retries have failed since; not yet in a batch run without savepoints, which rolls back and runs again with them
 * ({@link SavepointsAfterFailure}). The error is stored as a short, printable text: the failure may
 * well be about unprintable input, and a dead letter that PostgreSQL refused in turn would stall the
 * projection again.
 */
final class ParkingPolicy implements EnqueuePolicy<EventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(ParkingPolicy.class);

    static final String RETRIES = "retries";
    /** The {@code cause_message} column's size. */
    static final int MAX_ERROR_LENGTH = ThrowableCause.TRUNCATED_MESSAGE_SIZE;

    private final String processingGroup;
    private final ParkedEventMetrics metrics;

    ParkingPolicy(String processingGroup, ParkedEventMetrics metrics) {
        this.processingGroup = processingGroup;
        this.metrics = metrics;
    }

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        EventMessage<?> event = letter.message();
        if (cause instanceof SavepointsAfterFailure.BatchRetriedWithSavepoints) {
            return Decisions.doNotEnqueue(); // the batch rolls back whole and runs again, where a failure is parked (said there)
        }
        ThrowableCause printable = new ThrowableCause(cause.getClass().getName(), describe(cause));
        // A letter read back from the queue is a retry; a fresh one is the first failure.
        boolean retry = letter instanceof JpaDeadLetter<?>;
        int retries = retry ? retriesOf(letter.diagnostics()) + 1 : 0;
        if (retry) {
            log.error("Retry of parked event failed again, it stays parked: group={} eventType={} aggregate={} eventId={} retries={} error={}",
                    processingGroup, event.getPayloadType().getName(), aggregateOf(event), event.getIdentifier(), retries,
                    printable.message(), cause);
            return Decisions.requeue(printable, failed -> failed.diagnostics().and(RETRIES, retries));
        }
        log.error("Projection could not apply an event; parked it and goes on with other aggregates: group={} eventType={} aggregate={} "
                        + "eventId={} error={}", processingGroup, event.getPayloadType().getName(), aggregateOf(event), event.getIdentifier(),
                printable.message(), cause);
        metrics.parked(processingGroup);
        return Decisions.enqueue(printable, parked -> MetaData.with(RETRIES, 0));
    }

    static int retriesOf(MetaData diagnostics) {
        return diagnostics.get(RETRIES) instanceof Number count ? count.intValue() : 0;
    }

    private static String aggregateOf(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domainEvent ? domainEvent.getAggregateIdentifier() : "-";
    }

    /** The failure and, when it differs, its root cause (usually the database's own words); printable and bounded. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = String.valueOf(failure.getMessage());
        if (root != failure) {
            text = text + " | caused by " + root.getClass().getName() + ": " + root.getMessage();
        }
        return printable(text, MAX_ERROR_LENGTH);
    }

    static String printable(String text, int maxLength) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), maxLength));
        for (int i = 0; i < text.length() && out.length() < maxLength; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') {
                out.append(' ');
            } else if (Character.isISOControl(c) || Character.isSurrogate(c) && !validSurrogateAt(text, i)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.length() > maxLength ? out.substring(0, maxLength) : out.toString();
    }

    private static boolean validSurrogateAt(String text, int index) {
        char c = text.charAt(index);
        if (Character.isHighSurrogate(c)) {
            return index + 1 < text.length() && Character.isLowSurrogate(text.charAt(index + 1));
        }
        return index > 0 && Character.isHighSurrogate(text.charAt(index - 1));
    }
}
