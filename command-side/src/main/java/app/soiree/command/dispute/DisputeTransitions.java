package app.soiree.command.dispute;

import app.soiree.api.dispute.DisputeOutcome;
import app.soiree.api.dispute.DisputeStatus;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Every move a {@link Dispute}'s status may make, in one table. A dispute opens needing a response; support submits
 * evidence (or the provider learns of it another way) or concedes; the provider's outcome closes it from any open
 * status, a conceded one included (the provider confirms the loss).
 */
final class DisputeTransitions {

    private static final Map<DisputeStatus, Set<DisputeStatus>> ALLOWED = new EnumMap<>(Map.of(
            DisputeStatus.NEEDS_RESPONSE, Set.of(DisputeStatus.UNDER_REVIEW, DisputeStatus.ACCEPTED, DisputeStatus.WON, DisputeStatus.LOST),
            DisputeStatus.UNDER_REVIEW, Set.of(DisputeStatus.WON, DisputeStatus.LOST),
            DisputeStatus.ACCEPTED, Set.of(DisputeStatus.WON, DisputeStatus.LOST),
            DisputeStatus.WON, Set.of(),
            DisputeStatus.LOST, Set.of()));

    private DisputeTransitions() {
    }

    static boolean allows(DisputeStatus from, DisputeStatus to) {
        return ALLOWED.get(from).contains(to);
    }

    /** The status the provider's outcome closes a dispute with. */
    static DisputeStatus closedAs(DisputeOutcome outcome) {
        return outcome == DisputeOutcome.WON ? DisputeStatus.WON : DisputeStatus.LOST;
    }
}
