package app.soiree.query.operations;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.operations.DropParkedEvent;
import app.soiree.api.operations.FindParkedEvents;
import app.soiree.api.operations.ParkedEventPage;
import app.soiree.api.operations.ParkedEventView;
import app.soiree.api.operations.ParkedRetrySummary;
import app.soiree.api.operations.RetryParkedEvents;
import app.soiree.query.paging.KeysetPage;
import app.soiree.query.paging.PageLimit;
import app.soiree.query.paging.TextCursor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jpa.JpaDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.queryhandling.QueryHandler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Parked events for staff: listed a page at a time, retried a sequence at a time where the
 * processors run (this process), or dropped one at a time with a reason.
 * <p>
 * A retry runs on a thread of its own, outside the command's unit of work and transaction, as Axon's
 * dead-letter processor expects: it claims the sequence, applies its events in order in one
 * transaction, removes each one that applied and leaves the first that fails again (and those after
 * it) parked with the new error.
 */
@Component
class ParkedEvents implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ParkedEvents.class);

    /** A sequence holds at most {@link ParkedEventProcessing#MAX_PARKED_PER_SEQUENCE} events; this is plenty for them. */
    static final Duration RETRY_AT_MOST = Duration.ofSeconds(25);

    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final ParkedEventRows rows;
    private final ExecutorService retries = Executors.newSingleThreadExecutor(
            runnable -> Thread.ofPlatform().name("parked-event-retry").daemon().unstarted(runnable));

    ParkedEvents(ObjectProvider<EventProcessingConfiguration> processing, ParkedEventRows rows) {
        this.processing = processing;
        this.rows = rows;
    }

    @QueryHandler
    ParkedEventPage handle(FindParkedEvents query) {
        int limit = PageLimit.clamped(query.limit());
        String group = query.processingGroup() == null || query.processingGroup().isBlank() ? null : query.processingGroup();
        List<ParkedEventView> found = rows.page(group, TextCursor.decode(query.cursor()), KeysetPage.rowsToFetch(limit));
        KeysetPage<ParkedEventView> page = KeysetPage.cut(found, limit,
                parked -> new TextCursor(parked.parkedAt(), parked.parkedEventId()).encode());
        return new ParkedEventPage(page.items(), page.nextCursor());
    }

    @CommandHandler
    ParkedRetrySummary handle(RetryParkedEvents command) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.getObject()
                .sequencedDeadLetterProcessor(knownGroup(command.processingGroup()))
                .orElseThrow(() -> notParking(command.processingGroup()));
        if (rows.countInSequence(command.processingGroup(), command.sequence()) == 0) {
            throw new SoireeException(ErrorCode.NOT_FOUND, "Nothing is parked for " + command.sequence() + " in " + command.processingGroup());
        }
        log.info("Retry of parked sequence {} in {} requested by {}", command.sequence(), command.processingGroup(), command.requestedBy());
        Future<Boolean> retry = retries.submit(() -> processor.process(letter -> inSequence(letter, command.sequence())));
        try {
            retry.get(RETRY_AT_MOST.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            throw new IllegalStateException("The retry failed: " + failed.getCause().getMessage(), failed.getCause());
        } catch (TimeoutException slow) {
            throw SoireeException.conflict("The retry is still running; look again in a moment");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying", interrupted);
        }
        long stillParked = rows.countInSequence(command.processingGroup(), command.sequence());
        ParkedEventView head = stillParked == 0 ? null : rows.head(command.processingGroup(), command.sequence());
        log.info("Retry of parked sequence {} in {}: {}", command.sequence(), command.processingGroup(),
                stillParked == 0 ? "every event applied" : stillParked + " still parked");
        return new ParkedRetrySummary(stillParked == 0, stillParked, head == null ? null : head.errorType() + ": " + head.errorMessage());
    }

    @CommandHandler
    void handle(DropParkedEvent command) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.getObject().deadLetterQueue(knownGroup(command.processingGroup()))
                .orElseThrow(() -> notParking(command.processingGroup()));
        DeadLetter<? extends EventMessage<?>> letter = find(queue, command.sequence(), command.parkedEventId());
        if (letter == null) {
            throw new SoireeException(ErrorCode.NOT_FOUND, "No parked event " + command.parkedEventId() + " in " + command.processingGroup());
        }
        queue.evict(letter);
        log.warn("Parked event dropped for good by {}: group={} aggregate={} eventType={} eventId={} reason={}", command.requestedBy(),
                command.processingGroup(), command.sequence(), letter.message().getPayloadType().getName(), letter.message().getIdentifier(),
                ParkingPolicy.printable(command.reason(), DropParkedEvent.MAX_REASON_LENGTH));
    }

    private static @Nullable DeadLetter<? extends EventMessage<?>> find(SequencedDeadLetterQueue<EventMessage<?>> queue, String sequence,
                                                                         String parkedEventId) {
        for (DeadLetter<? extends EventMessage<?>> letter : queue.deadLetterSequence(sequence)) {
            if (letter instanceof JpaDeadLetter<?> stored && stored.getId().equals(parkedEventId)) {
                return letter;
            }
        }
        return null;
    }

    private static boolean inSequence(DeadLetter<? extends EventMessage<?>> letter, String sequence) {
        return letter instanceof JpaDeadLetter<?> stored && sequence.equals(stored.getSequenceIdentifier());
    }

    private static String knownGroup(String processingGroup) {
        if (!ParkedEventProcessing.parks(processingGroup)) {
            throw notParking(processingGroup);
        }
        return processingGroup;
    }

    private static SoireeException notParking(String processingGroup) {
        return new SoireeException(ErrorCode.NOT_FOUND, "No projection here parks events under the name " + processingGroup);
    }

    @Override
    public void destroy() {
        retries.shutdownNow();
    }
}
