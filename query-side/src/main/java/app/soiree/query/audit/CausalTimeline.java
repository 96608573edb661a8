package app.soiree.query.audit;

import app.soiree.api.audit.CausalTimelinePage;
import app.soiree.api.audit.FindCausalTimeline;
import app.soiree.api.audit.TimelineEventView;
import app.soiree.query.audit.Subject.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The causal story of a subject, a page at a time, in the store's global order: which events, from the index
 * ({@link TimelineIndex}); the events themselves, from the event store, read per aggregate over just the range of
 * sequence numbers the page needs. A booking's story also holds its gathering's earnings (their release) and the
 * payouts that paid them out; a payout's holds the earnings it paid out. The API's timeline endpoint and the console
 * both ask this one handler.
 */
@Component
class CausalTimeline {

    private static final Logger log = LoggerFactory.getLogger(CausalTimeline.class);
    /** Linked subjects followed per request: far more than a booking's payouts, and a bound on a pathological one. */
    static final int MAX_SUBJECTS = 200;

    private final JdbcTemplate jdbc;
    private final EventStore eventStore;
    private final TimelineEvents events;

    CausalTimeline(JdbcTemplate jdbc, EventStore eventStore, TimelineEvents events) {
        this.jdbc = jdbc;
        this.eventStore = eventStore;
        this.events = events;
    }

    @QueryHandler
    @Nullable CausalTimelinePage handle(FindCausalTimeline query) {
        Subject root = Subject.of(query.subject(), query.id());
        if (!jdbc.queryForObject("select exists (select 1 from audit_timeline_entries where subject = ?)", Boolean.class, root.key())) {
            return null;
        }
        int limit = Math.clamp(query.limit(), 1, FindCausalTimeline.MAX_LIMIT);
        long after = query.cursor() == null ? -1 : Long.parseLong(query.cursor());
        List<Indexed> page = page(storyOf(root), after, limit + 1);
        String nextCursor = page.size() > limit ? Long.toString(page.get(limit - 1).position()) : null;
        List<Indexed> shown = page.subList(0, Math.min(limit, page.size()));
        return new CausalTimelinePage(query.subject(), query.id(), read(shown), nextCursor);
    }

    /** The subject, and the stories its own includes. */
    List<String> storyOf(Subject root) {
        Set<String> subjects = new LinkedHashSet<>();
        subjects.add(root.key());
        if (root.kind() == Kind.BOOKING) {
            List<String> earnings = linked(List.of(root.key()), Kind.EARNINGS);
            subjects.addAll(earnings);
            subjects.addAll(linked(earnings, Kind.PAYOUT));
        } else if (root.kind() == Kind.PAYOUT) {
            subjects.addAll(linked(List.of(root.key()), Kind.EARNINGS));
        }
        return subjects.stream().limit(MAX_SUBJECTS).toList();
    }

    private List<String> linked(List<String> from, Kind kind) {
        if (from.isEmpty()) {
            return List.of();
        }
        return jdbc.queryForList("select to_subject from audit_subject_links where from_subject = any(?) and to_subject like ? "
                        + "order by to_subject limit ?", String.class, from.toArray(String[]::new), kind.prefix() + "%", MAX_SUBJECTS);
    }

    private record Indexed(long position, String aggregateId, long sequence) {
    }

    /** Each subject contributes at most {@code size} positions through its own index range, so that none is scanned whole. */
    private List<Indexed> page(List<String> subjects, long after, int size) {
        return jdbc.query("""
                select event.global_index, event.aggregate_id, event.sequence_number
                from audit_timeline_events event
                where event.global_index in (
                    select picked.global_index from unnest(?::text[]) as story(subject)
                    cross join lateral (
                        select entry.global_index from audit_timeline_entries entry
                        where entry.subject = story.subject and entry.global_index > ?
                        order by entry.global_index limit ?) picked)
                order by event.global_index limit ?""",
                (row, number) -> new Indexed(row.getLong(1), row.getString(2), row.getLong(3)),
                subjects.toArray(String[]::new), after, size, size);
    }

    /** The page's events from the store, one read per aggregate from its first wanted sequence number to its last. */
    private List<TimelineEventView> read(List<Indexed> page) {
        Map<String, List<Indexed>> byAggregate = new LinkedHashMap<>();
        page.forEach(indexed -> byAggregate.computeIfAbsent(indexed.aggregateId(), id -> new ArrayList<>()).add(indexed));
        Map<Long, TimelineEventView> views = new HashMap<>();
        byAggregate.forEach((aggregateId, wanted) -> {
            Map<Long, Long> positionBySequence = new HashMap<>();
            wanted.forEach(indexed -> positionBySequence.put(indexed.sequence(), indexed.position()));
            long first = wanted.stream().mapToLong(Indexed::sequence).min().orElseThrow();
            long last = wanted.stream().mapToLong(Indexed::sequence).max().orElseThrow();
            eventStore.readEvents(aggregateId, first).asStream()
                    .takeWhile(event -> event.getSequenceNumber() <= last)
                    .filter(event -> positionBySequence.containsKey(event.getSequenceNumber()))
                    .forEach(event -> views.put(positionBySequence.get(event.getSequenceNumber()),
                            events.view((DomainEventMessage<?>) event, positionBySequence.get(event.getSequenceNumber()))));
        });
        List<TimelineEventView> ordered = new ArrayList<>(page.size());
        for (Indexed indexed : page) {
            TimelineEventView view = views.get(indexed.position());
            if (view == null) {
                log.warn("Event {}#{} at position {} is indexed for a timeline but the event store did not return it",
                        indexed.aggregateId(), indexed.sequence(), indexed.position());
            } else {
                ordered.add(view);
            }
        }
        return ordered;
    }
}
