package app.soiree.command.gathering;

import app.soiree.api.gathering.GatheringStatus;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Every move a {@link Gathering}'s status may make, in one table. A gathering is created as a DRAFT; the
 * commands that move it ask this table, so a refused move is refused the same way wherever it is asked.
 */
final class GatheringTransitions {

    private static final Map<GatheringStatus, Set<GatheringStatus>> ALLOWED = new EnumMap<>(Map.of(
            GatheringStatus.DRAFT, Set.of(GatheringStatus.PUBLISHED, GatheringStatus.CANCELLED),
            GatheringStatus.PUBLISHED, Set.of(GatheringStatus.CANCELLED, GatheringStatus.ENDED),
            GatheringStatus.CANCELLED, Set.of(),
            GatheringStatus.ENDED, Set.of()));

    private GatheringTransitions() {
    }

    static boolean allows(GatheringStatus from, GatheringStatus to) {
        return ALLOWED.get(from).contains(to);
    }

    /** A gathering with no move left is over: it can no longer be edited either. */
    static boolean isFinal(GatheringStatus status) {
        return ALLOWED.get(status).isEmpty();
    }
}
