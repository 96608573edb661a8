package app.soiree.console.operations;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.operations.DropParkedEvent;
import app.soiree.api.operations.FindParkedEvents;
import app.soiree.api.operations.ParkedEventPage;
import app.soiree.api.operations.ParkedEventView;
import app.soiree.api.operations.ParkedRetrySummary;
import app.soiree.api.operations.RetryParkedEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Parked events as the query side keeps them, with contents a test sets: pages by keyset (the cursor
 * is the index of the next item), a retry that applies a sequence once a test has "fixed" it and
 * otherwise counts one more failure, and drops with their reasons.
 */
public class TestParkedEvents {

    public static final Instant T0 = Instant.parse("2026-11-21T08:00:00Z");

    private final List<ParkedEventView> parked = new CopyOnWriteArrayList<>();
    private final Set<String> fixed = ConcurrentHashMap.newKeySet();
    public final List<RetryParkedEvents> retries = new CopyOnWriteArrayList<>();
    public final List<DropParkedEvent> drops = new CopyOnWriteArrayList<>();

    public void reset() {
        parked.clear();
        fixed.clear();
        retries.clear();
        drops.clear();
    }

    /** A failed event of {@code sequence} and {@code waiting} more of that aggregate parked behind it. */
    public void park(String group, String sequence, String eventType, int waiting) {
        int base = parked.size();
        for (int position = 0; position <= waiting; position++) {
            parked.add(new ParkedEventView("letter-" + (base + position), group, sequence, position, "event-" + (base + position),
                    eventType, (long) position, T0.plusSeconds(base + position), T0.plusSeconds(base + position),
                    position == 0 ? "org.hibernate.exception.DataException" : null,
                    position == 0 ? "could not execute statement | caused by org.postgresql.util.PSQLException: ERROR: invalid byte "
                            + "sequence for encoding \"UTF8\": 0x00" : null, 0));
        }
    }

    public void fix(String sequence) {
        fixed.add(sequence);
    }

    public List<ParkedEventView> parked() {
        return List.copyOf(parked);
    }

    @QueryHandler
    ParkedEventPage handle(FindParkedEvents query) {
        List<ParkedEventView> all = new ArrayList<>(parked);
        int start = query.cursor() == null ? 0 : Integer.parseInt(query.cursor());
        int end = Math.min(all.size(), start + Math.clamp(query.limit(), 1, 100));
        return new ParkedEventPage(start >= end ? List.of() : all.subList(start, end), end < all.size() ? Integer.toString(end) : null);
    }

    @CommandHandler
    ParkedRetrySummary handle(RetryParkedEvents command) {
        retries.add(command);
        List<ParkedEventView> sequence = parked.stream().filter(event -> event.sequence().equals(command.sequence())).toList();
        if (sequence.isEmpty()) {
            throw new CommandExecutionException("Nothing is parked for " + command.sequence(), null, ErrorCode.NOT_FOUND.name());
        }
        if (fixed.contains(command.sequence())) {
            parked.removeAll(sequence);
            return new ParkedRetrySummary(true, 0, null);
        }
        ParkedEventView head = sequence.getFirst();
        parked.set(parked.indexOf(head), new ParkedEventView(head.parkedEventId(), head.processingGroup(), head.sequence(),
                head.positionInSequence(), head.eventId(), head.eventType(), head.aggregateSequence(), head.parkedAt(), T0.plusSeconds(600),
                head.errorType(), head.errorMessage(), head.retries() + 1));
        return new ParkedRetrySummary(false, sequence.size(), head.errorType() + ": " + head.errorMessage());
    }

    @CommandHandler
    void handle(DropParkedEvent command) {
        drops.add(command);
        parked.removeIf(event -> event.parkedEventId().equals(command.parkedEventId()));
    }
}
