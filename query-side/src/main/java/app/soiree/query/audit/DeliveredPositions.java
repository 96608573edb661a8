package app.soiree.query.audit;

import java.util.SortedSet;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.jspecify.annotations.Nullable;

/**
 * The positions of the events one reader is handed in stream order (a single-segment processor with one thread, or a
 * stream read from start to end), taken from their gap-aware tokens where the token proves it, and looked up in the
 * store ({@link StoredPositions}) only where it does not. A JDBC token names the highest position passed; it proves the
 * event's position when, since the token this reader saw last, exactly one thing happened: either the index moved up
 * to this event and every position skipped on the way became a gap, no gap closed and none was forgotten (the position
 * is the new index); or the index stayed and exactly one gap closed, none forgotten (the event filled that gap, and
 * the position is the gap's). An event the reader was not handed in between (another replica's, a rolled-back
 * batch's), a gap given up, the first event after a start: each breaks those equalities, and those are looked up. In a
 * booking rush the two audit processors looked up some 7,800 positions, one statement each, before the first rule and
 * about 950 before the second, most of them gaps filled by commits that finished out of order
 * (docs/benchmarks.md).
 *
 * <p>One reader only: the tokens of two readers at different points of the stream (two segments of one processor)
 * could seem to prove one's event by the other's token. The audit processors are one segment and one thread anyway,
 * which their own order needs (the chain's links, the timeline's causes before their effects).
 */
final class DeliveredPositions {

    private final StoredPositions stored;
    private @Nullable GapAwareTrackingToken lastSeen;
    /** The position of the event {@link #lastSeen} came with, once known: asked again for it, the reader gets it again. */
    private long lastPosition = -1;

    DeliveredPositions(StoredPositions stored) {
        this.stored = stored;
    }

    /** The position of the event in hand; call it for every event handed to the reader, in order, or {@link #passed}. */
    synchronized long of(EventMessage<?> message, TrackingToken token) {
        GapAwareTrackingToken before = lastSeen;
        GapAwareTrackingToken now = gapAware(token);
        if (now != null && before != null && lastPosition >= 0 && sameIndexAndGaps(before, now)) {
            return lastPosition; // the same event again: every event moves the index or closes a gap
        }
        lastSeen = now;
        long proven = now == null || before == null ? -1 : provenBy(before, now);
        lastPosition = proven >= 0 ? proven : stored.of(message, token);
        return lastPosition;
    }

    /** An event handed to the reader that it does not file: its token still counts for the next one's. */
    synchronized void passed(TrackingToken token) {
        lastSeen = gapAware(token);
        lastPosition = -1;
    }

    private static @Nullable GapAwareTrackingToken gapAware(TrackingToken token) {
        return WrappedToken.unwrapLowerBound(token) instanceof GapAwareTrackingToken gapAware ? gapAware : null;
    }

    /** Compared here: the token's own equals ignores gaps below its truncation point. */
    private static boolean sameIndexAndGaps(GapAwareTrackingToken one, GapAwareTrackingToken other) {
        return one.getIndex() == other.getIndex() && one.getGaps().equals(other.getGaps());
    }

    /** The position the step from {@code before} to {@code now} proves for the event it was made by; -1 if it proves none. */
    private static long provenBy(GapAwareTrackingToken before, GapAwareTrackingToken now) {
        return advancedToThisEventAlone(before, now) ? now.getIndex() : gapFilledAlone(before, now);
    }

    /**
     * {@code now}'s gaps are {@code before}'s plus every position between the two indexes: the index moved to an event
     * with nothing else in between. An event filling a gap, or one unseen in between, would leave a position out.
     */
    private static boolean advancedToThisEventAlone(GapAwareTrackingToken before, GapAwareTrackingToken now) {
        long advance = now.getIndex() - before.getIndex();
        if (advance <= 0) {
            return false;
        }
        SortedSet<Long> gapsBefore = before.getGaps();
        SortedSet<Long> gapsNow = now.getGaps();
        if (gapsNow.size() != gapsBefore.size() + advance - 1) {
            return false;
        }
        return gapsNow.tailSet(before.getIndex() + 1).size() == advance - 1 && gapsNow.containsAll(gapsBefore);
    }

    /**
     * The index stayed and {@code now}'s gaps are {@code before}'s but one: the event closed that gap, with nothing else
     * in between. A second event unseen in between would have moved the index or closed a second gap, and a gap given up
     * (truncated) would be a second one missing. The gap closed; -1 if the step was not that.
     */
    private static long gapFilledAlone(GapAwareTrackingToken before, GapAwareTrackingToken now) {
        SortedSet<Long> gapsBefore = before.getGaps();
        SortedSet<Long> gapsNow = now.getGaps();
        if (now.getIndex() != before.getIndex() || gapsNow.size() != gapsBefore.size() - 1 || !gapsBefore.containsAll(gapsNow)) {
            return -1;
        }
        return gapsBefore.stream().filter(gap -> !gapsNow.contains(gap)).findFirst().orElse(-1L);
    }
}
