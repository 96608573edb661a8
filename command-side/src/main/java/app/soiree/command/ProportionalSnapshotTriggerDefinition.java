package app.soiree.command;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.AbstractSnapshotTrigger;
import org.axonframework.eventsourcing.SnapshotTrigger;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;

/**
 * Snapshots an aggregate after {@code minimumEvents} events, or after a twentieth of its stream so far when that is
 * more: for aggregates whose snapshot grows with their stream (a gathering's bookings, a conversation's members and
 * messages). A gathering's snapshot holds every booking, so it grows with the gathering: at a fixed interval a gathering of
 * 30,000 bookings wrote an 8 MiB snapshot every 100 events, some 2.4 GB in all while it sold out (docs/benchmarks.md,
 * "The 30,000-seat tier, run"). Growing the interval with the stream keeps what snapshots write per event bounded,
 * whatever the gathering's size, and a load still replays at most a twentieth of the stream after its snapshot (a
 * small gathering's at most {@code minimumEvents}, as before).
 */
public final class ProportionalSnapshotTriggerDefinition implements SnapshotTriggerDefinition {

    /** Snapshot when the events since the last one reach this share of the stream: one twentieth. */
    static final int STREAM_SHARE = 20;

    private final Snapshotter snapshotter;
    private final int minimumEvents;

    public ProportionalSnapshotTriggerDefinition(Snapshotter snapshotter, int minimumEvents) {
        this.snapshotter = snapshotter;
        this.minimumEvents = minimumEvents;
    }

    @Override
    public SnapshotTrigger prepareTrigger(Class<?> aggregateType) {
        return new Trigger(snapshotter, aggregateType, minimumEvents);
    }

    @Override
    public SnapshotTrigger reconfigure(Class<?> aggregateType, SnapshotTrigger trigger) {
        if (trigger instanceof Trigger known) {
            known.setSnapshotter(snapshotter);
            return known;
        }
        return prepareTrigger(aggregateType);
    }

    /** Counts the events since the last snapshot; knows the stream's length from the last event's sequence number. */
    static final class Trigger extends AbstractSnapshotTrigger {

        private static final long serialVersionUID = 1L;

        private final int minimumEvents;
        private int sinceSnapshot;
        private long streamLength;

        Trigger(Snapshotter snapshotter, Class<?> aggregateType, int minimumEvents) {
            super(snapshotter, aggregateType);
            this.minimumEvents = minimumEvents;
        }

        @Override
        public void eventHandled(EventMessage<?> message) {
            if (message instanceof DomainEventMessage<?> event) {
                streamLength = event.getSequenceNumber() + 1;
            }
            super.eventHandled(message);
        }

        @Override
        protected boolean exceedsThreshold() {
            sinceSnapshot++;
            return sinceSnapshot >= Math.max(minimumEvents, streamLength / STREAM_SHARE);
        }

        @Override
        protected void reset() {
            sinceSnapshot = 0;
        }
    }
}
