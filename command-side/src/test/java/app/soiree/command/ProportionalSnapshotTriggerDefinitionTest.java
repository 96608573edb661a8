package app.soiree.command;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.command.gathering.Gathering;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.SnapshotTrigger;
import org.junit.jupiter.api.Test;

/**
 * A small gathering is snapshotted every {@code minimumEvents} events, as before; a large one every twentieth of its
 * stream, so the snapshots of a gathering that grows to 60,000 events number dozens, not hundreds.
 */
class ProportionalSnapshotTriggerDefinitionTest {

    private static final int MINIMUM = 100;

    private final List<Long> snapshotsAfter = new ArrayList<>();
    private long lastSequence;
    private final ProportionalSnapshotTriggerDefinition definition =
            new ProportionalSnapshotTriggerDefinition((type, id) -> snapshotsAfter.add(lastSequence), MINIMUM);

    @Test
    void aSmallStreamIsSnapshottedEveryMinimumEvents() {
        SnapshotTrigger trigger = loaded();
        handle(trigger, 0, 1_000);
        assertThat(snapshotsAfter).containsExactly(99L, 199L, 299L, 399L, 499L, 599L, 699L, 799L, 899L, 999L);
    }

    @Test
    void aGrowingStreamIsSnapshottedEveryTwentiethOfItself() {
        SnapshotTrigger trigger = loaded();
        handle(trigger, 0, 60_000);
        // At most a twentieth of the stream is ever replayed after the latest snapshot...
        for (int i = 1; i < snapshotsAfter.size(); i++) {
            long interval = snapshotsAfter.get(i) - snapshotsAfter.get(i - 1);
            assertThat(interval).isLessThanOrEqualTo(Math.max(MINIMUM, (snapshotsAfter.get(i) + 1) / 20));
        }
        assertThat(60_000 - 1 - snapshotsAfter.getLast()).isLessThan(60_000 / 20);
        // ...and the snapshots number 86 (20 up to 2,000 events, then one per twentieth: about 20 · ln 30 more), where
        // a snapshot every 100 events would be 600.
        assertThat(snapshotsAfter).hasSize(86);
    }

    @Test
    void aTriggerCarriedOverFromTheCacheKeepsCounting() {
        SnapshotTrigger trigger = loaded();
        handle(trigger, 0, 150);
        SnapshotTrigger reconfigured = definition.reconfigure(Gathering.class, trigger);
        assertThat(reconfigured).isSameAs(trigger);
        handle(reconfigured, 150, 200);
        assertThat(snapshotsAfter).containsExactly(99L, 199L);
    }

    private SnapshotTrigger loaded() {
        SnapshotTrigger trigger = definition.prepareTrigger(Gathering.class);
        trigger.initializationFinished();
        return trigger;
    }

    private void handle(SnapshotTrigger trigger, long from, long to) {
        for (long sequence = from; sequence < to; sequence++) {
            lastSequence = sequence;
            trigger.eventHandled(new GenericDomainEventMessage<>("Gathering", "g-1", sequence, "event"));
        }
    }
}
