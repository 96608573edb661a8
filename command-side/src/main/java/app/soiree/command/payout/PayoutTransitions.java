package app.soiree.command.payout;

import app.soiree.command.payout.Payout.Stage;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Every move a {@link Payout}'s stage may make, in one table. A payout opens pending approval (and is approved at
 * once when it needs no approver); an approved one is sent; the provider pays or refuses a sent one; a paid one that
 * the provider reverses in full ends FAILED, as the host got nothing in the end. An abandoned payout was never opened
 * (it is created abandoned) and never moves.
 */
final class PayoutTransitions {

    private static final Map<Stage, Set<Stage>> ALLOWED = new EnumMap<>(Map.of(
            Stage.PENDING_APPROVAL, Set.of(Stage.APPROVED, Stage.REJECTED),
            Stage.APPROVED, Set.of(Stage.SENDING),
            Stage.SENDING, Set.of(Stage.PAID, Stage.FAILED),
            Stage.PAID, Set.of(Stage.FAILED),
            Stage.FAILED, Set.of(),
            Stage.REJECTED, Set.of(),
            Stage.ABANDONED, Set.of()));

    private PayoutTransitions() {
    }

    static boolean allows(Stage from, Stage to) {
        return ALLOWED.get(from).contains(to);
    }
}
