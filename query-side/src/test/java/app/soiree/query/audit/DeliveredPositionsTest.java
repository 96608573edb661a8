package app.soiree.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

/**
 * Positions read from gap-aware tokens only where the token proves them. The tokens here are made as Axon's JDBC
 * store makes them (each event moves the token with {@code advanceTo}), and every position is checked against the
 * event's real one, so a wrong inference fails the test whatever the lookups count.
 */
class DeliveredPositionsTest {

    private static final int MAX_GAP_OFFSET = 10_000;

    private final Store store = new Store();
    private final DeliveredPositions positions = new DeliveredPositions(store);

    @Test
    void eventsInARowAreReadFromTheirTokensAfterTheFirst() {
        store.commit(0, 1, 2, 3, 4);

        store.deliverAll(positions);

        assertThat(store.lookups).containsExactly(0L);
    }

    @Test
    void skippedPositionsBecomeGapsAndTheEventAfterThemIsStillReadFromItsToken() {
        store.commit(0, 1, 4, 5, 9);

        store.deliverAll(positions);

        assertThat(store.lookups).containsExactly(0L);
    }

    @Test
    void anEventThatFillsAGapIsReadFromItsToken() {
        store.commit(0, 1, 4, 2, 5, 3, 6);

        store.deliverAll(positions);

        assertThat(store.lookups).containsExactly(0L);
    }

    /** An unseen event closes one gap and ours another: two gaps closed between the tokens, so neither is proven. */
    @Test
    void aGapFilledAfterAnUnseenFillIsLookedUp() {
        store.commit(0, 3);
        store.deliverAll(positions);
        store.commit(1);
        store.passUnseen();
        store.commit(2);

        store.deliverAll(positions);

        assertThat(store.lookups).containsExactly(0L, 2L);
    }

    /**
     * Gaps given up (further below the index than the token's gap offset) as another is filled are more gaps missing: looked
     * up. A first token, as one read back from the store is, has not given up its old gaps yet.
     */
    @Test
    void aGapFilledAsOlderOnesAreGivenUpIsLookedUp() {
        Store narrow = new Store(2);
        DeliveredPositions reader = new DeliveredPositions(narrow);
        narrow.commit(5);
        narrow.deliverAll(reader);
        narrow.commit(4);

        narrow.deliverAll(reader);

        assertThat(narrow.lookups).containsExactly(5L, 4L);
    }

    @Test
    void anEventAfterOneTheReaderWasNotHandedIsLookedUp() {
        store.commit(0, 1);
        store.deliverAll(positions);
        store.commit(2);
        store.passUnseen(); // another replica's, or a batch rolled back
        store.commit(3, 4);

        store.deliverAll(positions);

        assertThat(store.lookups).containsExactly(0L, 3L);
    }

    /** An unseen event moves the index past a position our event then fills: the gaps it leaves give it away. */
    @Test
    void aGapFilledAfterAnUnseenAdvanceIsLookedUp() {
        store.commit(0, 1);
        store.deliverAll(positions);
        store.commit(4);
        store.passUnseen();
        store.commit(3);

        store.deliverAll(positions);

        assertThat(store.lookups).containsExactly(0L, 3L);
    }

    @Test
    void theSameEventAskedAgainIsAnsweredAgainWithoutALookup() {
        store.commit(0, 1, 3, 2);
        store.deliverAll(positions);
        int lookups = store.lookups.size();

        assertThat(positions.of(store.lastMessage, store.lastToken)).isEqualTo(2L);

        assertThat(store.lookups).hasSize(lookups);
    }

    @Test
    void anEventPassedWithoutItsPositionStillCountsForTheNext() {
        store.commit(0, 1, 2);
        store.deliverAll(positions);
        store.commit(3);
        store.deliverPassing(positions);
        store.commit(4);

        store.deliverAll(positions);

        assertThat(store.lookups).containsExactly(0L);
    }

    @Test
    void aReplaysTokensCountAsTheirCurrentPosition() {
        store.commit(0, 1, 2);
        store.deliverAll(positions);
        store.commit(3, 4);

        store.deliverAllDuringAReplay(positions);

        assertThat(store.lookups).containsExactly(0L);
    }

    /** Commits in a random order with events now and then unseen: every position handed out is the event's own. */
    @Test
    void everyPositionIsTheEventsOwnWhateverTheOrderOfCommits() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            Store shuffled = new Store();
            DeliveredPositions reader = new DeliveredPositions(shuffled);
            List<Long> order = new ArrayList<>();
            for (long position = 0; position < 60; position++) {
                order.add(position);
            }
            for (int i = 0; i < order.size(); i++) {
                int j = Math.min(order.size() - 1, i + random.nextInt(4));
                order.set(i, order.set(j, order.get(i)));
            }
            for (long position : order) {
                shuffled.commit(position);
                if (random.nextInt(10) == 0) {
                    shuffled.passUnseen();
                } else {
                    shuffled.deliverAll(reader); // checks each position against the event's own
                }
            }
        }
    }

    /** A store as the JDBC engine is one: positions handed out before commit, a token moved by each event read. */
    private static final class Store extends StoredPositions {

        final List<Long> lookups = new ArrayList<>();
        private final Map<String, Long> positionsById = new TreeMap<>();
        private final List<Long> committed = new ArrayList<>();
        private GapAwareTrackingToken token = null;
        private int read;
        EventMessage<?> lastMessage;
        TrackingToken lastToken;

        private final int maxGapOffset;

        Store() {
            this(MAX_GAP_OFFSET);
        }

        Store(int maxGapOffset) {
            super(null);
            this.maxGapOffset = maxGapOffset;
        }

        void commit(long... positions) {
            for (long position : positions) {
                committed.add(position);
            }
        }

        /** The next committed event is read past (its token moves), but nobody here is handed it. */
        void passUnseen() {
            next();
        }

        void deliverAll(DeliveredPositions reader) {
            while (read < committed.size()) {
                long position = committed.get(read);
                TrackingToken delivered = next();
                assertThat(reader.of(lastMessage, delivered)).as("position of the event at %d", position).isEqualTo(position);
            }
        }

        void deliverPassing(DeliveredPositions reader) {
            while (read < committed.size()) {
                reader.passed(next());
            }
        }

        void deliverAllDuringAReplay(DeliveredPositions reader) {
            while (read < committed.size()) {
                long position = committed.get(read);
                TrackingToken current = next();
                TrackingToken replaying = ReplayToken.createReplayToken(GapAwareTrackingToken.newInstance(1_000, List.of()), current);
                assertThat(reader.of(lastMessage, replaying)).isEqualTo(position);
            }
        }

        private TrackingToken next() {
            long position = committed.get(read++);
            token = token == null ? GapAwareTrackingToken.newInstance(position, gapsBelow(position)) : token.advanceTo(position, maxGapOffset);
            lastMessage = GenericEventMessage.asEventMessage("event at " + position);
            positionsById.put(lastMessage.getIdentifier(), position);
            lastToken = token;
            return token;
        }

        /** A first token names every position below the first event read that was not read yet as a gap. */
        private List<Long> gapsBelow(long position) {
            List<Long> gaps = new ArrayList<>();
            for (long below = 0; below < position; below++) {
                gaps.add(below);
            }
            return gaps;
        }

        @Override
        long of(EventMessage<?> message, TrackingToken token) {
            long position = positionsById.get(message.getIdentifier());
            lookups.add(position);
            return position;
        }
    }
}
