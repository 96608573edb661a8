package app.soiree.query.audit;

import app.soiree.api.audit.Causation;
import app.soiree.api.ledger.LedgerEvent;
import app.soiree.query.audit.Subject.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Files every stored event under each subject whose story it belongs to, by its position in the store, so that a
 * timeline is one indexed read and never a scan of the store. An event belongs to:
 * <ol>
 * <li>the subjects it names ({@link NamedSubjects});</li>
 * <li>the parents of those: a payment's booking, a refund's or a dispute's payment and booking, learnt from the
 * events that named them together;</li>
 * <li>the booking, payment, refund, dispute, payout and earnings of the event that caused it
 * ({@link Causation#CAUSING_EVENT_ID_KEY}), for the kinds it does not name itself: the earnings recorded for a
 * capture and the wallet's note of a settlement are part of that booking's story, while a waitlisted guest's new
 * booking, though caused by another's cancellation, stays its own.</li>
 * </ol>
 * A booking is linked to its gathering's earnings, and {@link PayoutCoverage} links those earnings to the payouts that
 * paid them out; {@link CausalTimeline} follows these links when it reads.
 *
 * <p>One segment, in stream order: causes, parents and lots must be filed before what follows them. Idempotent: an
 * event already filed (a redelivery) is not filed again, and does not move payout coverage twice. A processor batch is
 * filed as it prepares its commit: one read for what it redelivers, one statement for its events and their entries.
 * What recent events taught (their subjects, most events' causes; parents; links) is remembered, not read or written
 * again ({@link Recent}). Events published outside any aggregate are not filed: the
 * store reads events back per aggregate.
 */
@Component
@ProcessingGroup(TimelineIndex.PROCESSING_GROUP)
class TimelineIndex {

    static final String PROCESSING_GROUP = "audit-timeline";
    private static final Set<Kind> INHERITED = EnumSet.of(Kind.BOOKING, Kind.PAYMENT, Kind.REFUND, Kind.DISPUTE, Kind.PAYOUT, Kind.EARNINGS);
    /** A subject of the key's kind belongs to the subjects of these kinds named beside it. */
    private static final Map<Kind, Set<Kind>> PARENT_KINDS = Map.of(
            Kind.PAYMENT, EnumSet.of(Kind.BOOKING),
            Kind.REFUND, EnumSet.of(Kind.PAYMENT, Kind.BOOKING),
            Kind.DISPUTE, EnumSet.of(Kind.PAYMENT, Kind.BOOKING));
    /** Parents of parents: a refund's payment's booking. Deeper chains do not exist. */
    private static final int PARENT_LEVELS = 2;

    private final JdbcTemplate jdbc;
    private final PayoutCoverage coverage;
    private final Recent recent = new Recent();
    /** One segment and one thread in stream order (application.yml), so the tokens it is handed prove most positions. */
    private final DeliveredPositions positions;

    TimelineIndex(JdbcTemplate jdbc, PayoutCoverage coverage, StoredPositions positions) {
        this.jdbc = jdbc;
        this.coverage = coverage;
        this.positions = new DeliveredPositions(positions);
    }

    @EventHandler
    void on(EventMessage<?> message, TrackingToken token) {
        if (!(message instanceof DomainEventMessage<?> event)) {
            positions.passed(token);
            return;
        }
        Delivered delivered = new Delivered(positions.of(event, token), event);
        if (!CurrentUnitOfWork.isStarted()) {
            file(List.of(delivered));
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        batch.getOrComputeResource(Delivered.class.getName(), key -> {
            List<Delivered> pending = new ArrayList<>();
            batch.onPrepareCommit(committing -> file(pending));
            // What was read or filed in a batch that rolls back may not be so: all that is remembered goes with it (the
            // batch is retried, and learns it again).
            batch.onRollback(rolledBack -> recent.clear());
            return pending;
        }).add(delivered);
    }

    /**
     * Files a processor batch's events as it prepares its commit, in its transaction, in the order they were delivered. One
     * read finds those filed before (a redelivery: filed with its entries, its parents learnt and its payout coverage
     * moved, which must not move twice); the others are filed together, events and entries in one statement.
     */
    private void file(List<Delivered> batch) {
        Set<Long> filedBefore = new HashSet<>(jdbc.queryForList(
                "select global_index from audit_timeline_events where global_index = any(?)", Long.class,
                (Object) batch.stream().mapToLong(Delivered::position).toArray()));
        List<Filed> filed = new ArrayList<>();
        for (Delivered delivered : batch) {
            if (!filedBefore.contains(delivered.position())) {
                filed.add(new Filed(delivered, subjectsOf(delivered.event())));
            }
        }
        if (!filed.isEmpty()) {
            jdbc.update("""
                    with filed as (
                        insert into audit_timeline_events (global_index, event_id, aggregate_type, aggregate_id, sequence_number)
                        select * from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::bigint[]))
                    insert into audit_timeline_entries (subject, global_index)
                    select * from unnest(?::text[], ?::bigint[]) on conflict do nothing""",
                    numbers(filed, event -> event.delivered().position()), texts(filed, event -> event.delivered().event().getIdentifier()),
                    texts(filed, event -> event.delivered().event().getType()),
                    texts(filed, event -> event.delivered().event().getAggregateIdentifier()),
                    numbers(filed, event -> event.delivered().event().getSequenceNumber()),
                    filed.stream().flatMap(event -> event.subjects().stream()).toArray(String[]::new),
                    filed.stream().flatMapToLong(event -> event.subjects().stream().mapToLong(subject -> event.delivered().position()))
                            .toArray());
        }
    }

    /**
     * The subjects whose story the event belongs to, learning its parents and linking its booking to its gathering's
     * earnings on the way, and moving payout coverage for money. Remembered at once: a later event of the same batch may
     * name it as its cause before it is filed.
     */
    private List<String> subjectsOf(DomainEventMessage<?> event) {
        Object payload = event.getPayload();
        Set<Subject> named = NamedSubjects.of(payload, String.valueOf(event.getType()), event.getAggregateIdentifier());
        learnParents(named);
        Set<Subject> subjects = new LinkedHashSet<>(named);
        subjects.addAll(inherited(causingEventId(event, payload), named));
        subjects.addAll(parentsOf(subjects));
        linkBookingsToTheirEarnings(named);
        List<String> keys = subjects.stream().map(Subject::key).toList();
        recent.subjects.put(event.getIdentifier(), keys);
        if (payload instanceof LedgerEvent money) {
            coverage.apply(money);
        }
        return keys;
    }

    private static long[] numbers(List<Filed> filed, ToLongFunction<Filed> value) {
        return filed.stream().mapToLong(value).toArray();
    }

    private static String[] texts(List<Filed> filed, Function<Filed, String> value) {
        return filed.stream().map(value).toArray(String[]::new);
    }

    /** An event as delivered: its position in the store, and the message. */
    private record Delivered(long position, DomainEventMessage<?> event) {
    }

    private record Filed(Delivered delivered, List<String> subjects) {
    }

    /** Replaying the processor files everything again from the first event. */
    @ResetHandler
    void reset() {
        recent.clear();
        jdbc.update("truncate audit_timeline_entries, audit_timeline_events, audit_subject_parents, audit_subject_links, "
                + "audit_available_lots, audit_payout_coverage");
    }

    /** The event's cause as stamped, or for a bookkeeping event stored before causation ids, the source it names. */
    private static @Nullable String causingEventId(EventMessage<?> event, Object payload) {
        Object stamped = event.getMetaData().get(Causation.CAUSING_EVENT_ID_KEY);
        return stamped != null ? stamped.toString() : NamedSubjects.sourceEventId(payload);
    }

    private List<Subject> inherited(@Nullable String causingEventId, Set<Subject> named) {
        if (causingEventId == null) {
            return List.of();
        }
        Set<Kind> namedKinds = EnumSet.noneOf(Kind.class);
        named.forEach(subject -> namedKinds.add(subject.kind()));
        List<String> causes = recent.subjects.get(causingEventId);
        if (causes == null) {
            causes = jdbc.queryForList("""
                    select entry.subject from audit_timeline_entries entry
                    join audit_timeline_events cause on cause.global_index = entry.global_index
                    where cause.event_id = ?""", String.class, causingEventId);
        }
        return causes.stream()
                .map(Subject::parse)
                .filter(subject -> INHERITED.contains(subject.kind()) && !namedKinds.contains(subject.kind()))
                .toList();
    }

    private void learnParents(Set<Subject> named) {
        List<Object[]> rows = new ArrayList<>();
        for (Subject child : named) {
            Set<Kind> parentKinds = PARENT_KINDS.getOrDefault(child.kind(), Set.of());
            List<String> known = recent.parents.getOrDefault(child.key(), List.of());
            named.stream().filter(parent -> parentKinds.contains(parent.kind()) && !known.contains(parent.key()))
                    .forEach(parent -> rows.add(new Object[] {child.key(), parent.key()}));
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("insert into audit_subject_parents (child, parent) values (?, ?) on conflict do nothing", rows);
            rows.forEach(row -> recent.parents.remove((String) row[0])); // read again with the new one when next asked
        }
    }

    private Set<Subject> parentsOf(Set<Subject> subjects) {
        Set<Subject> parents = new LinkedHashSet<>();
        List<String> children = subjects.stream().filter(subject -> PARENT_KINDS.containsKey(subject.kind())).map(Subject::key).toList();
        for (int level = 0; level < PARENT_LEVELS && !children.isEmpty(); level++) {
            List<String> found = new ArrayList<>();
            List<String> unknown = new ArrayList<>();
            for (String child : children) {
                List<String> known = recent.parents.get(child);
                if (known != null) {
                    found.addAll(known);
                } else {
                    unknown.add(child);
                }
            }
            if (!unknown.isEmpty()) {
                Map<String, List<String>> read = new HashMap<>();
                unknown.forEach(child -> read.put(child, new ArrayList<>()));
                jdbc.query("select child, parent from audit_subject_parents where child = any(?)",
                        (RowCallbackHandler) row -> read.get(row.getString(1)).add(row.getString(2)), (Object) unknown.toArray(String[]::new));
                read.forEach((child, ofChild) -> {
                    recent.parents.put(child, List.copyOf(ofChild));
                    found.addAll(ofChild);
                });
            }
            found.forEach(parent -> parents.add(Subject.parse(parent)));
            children = found;
        }
        return parents;
    }

    /** A booking's story goes on after its own events: its gathering's earnings are released, and paid out. */
    private void linkBookingsToTheirEarnings(Set<Subject> named) {
        List<Object[]> rows = new ArrayList<>();
        named.stream().filter(subject -> subject.kind() == Kind.BOOKING).forEach(booking -> named.stream()
                .filter(subject -> subject.kind() == Kind.GATHERING)
                .map(gathering -> new Object[] {booking.key(), new Subject(Kind.EARNINGS, gathering.id()).key()})
                .filter(link -> recent.linked.putIfAbsent(link[0] + ">" + link[1], Boolean.TRUE) == null)
                .forEach(rows::add));
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("insert into audit_subject_links (from_subject, to_subject) values (?, ?) on conflict do nothing", rows);
        }
    }

    /**
     * What this process filed or read lately: the subjects of events (an event's cause is nearly always a recent one), the
     * parents of subjects (a payment's booking is asked for by each of its events), and the links it wrote (each event of
     * a booking names its gathering). Facts once filed do not change; a parent learnt anew drops its child's entry, a
     * batch that rolls back or a reset drops them all. Bounded, least recently used first out.
     */
    private static final class Recent {
        private static final int CAPACITY = 4096;
        final Map<String, List<String>> subjects = bounded();
        final Map<String, List<String>> parents = bounded();
        final Map<String, Boolean> linked = bounded();

        void clear() {
            subjects.clear();
            parents.clear();
            linked.clear();
        }

        private static <V> Map<String, V> bounded() {
            return Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                    return size() > CAPACITY;
                }
            });
        }
    }
}
