package app.soiree.query.audit;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A host's available balance in one currency as lots, oldest first, so that a payout can be said to pay out
 * particular earnings. Money is fungible; the ledger's own rule for which money leaves first is first in, first out:
 * a payout takes the oldest released earnings still there. A lot remembers the gathering whose earnings it is (null
 * for money of no gathering: a promotion's refund). When more leaves than the lots hold (a refund after a payout),
 * the shortfall is a debt that the next money in pays first, as the host's balance does.
 *
 * <p>Plain state, loaded and stored around each money event by {@link PayoutCoverage}.
 */
final class AvailableLots {

    /** {@code remainingMinor} is positive for money there, negative for a debt (only ever the last lot). */
    record Lot(@Nullable String gatheringId, long remainingMinor) {
    }

    /** What one withdrawal took from one gathering's earnings. */
    record Taken(String gatheringId, long amountMinor) {
    }

    private final List<Lot> lots;

    AvailableLots(List<Lot> lots) {
        this.lots = new ArrayList<>(lots);
    }

    List<Lot> lots() {
        return List.copyOf(lots);
    }

    /** Money in: pays a debt first, and what is left is a new lot at the end. */
    void add(@Nullable String gatheringId, long amountMinor) {
        requirePositive(amountMinor);
        long left = amountMinor;
        if (!lots.isEmpty() && lots.getLast().remainingMinor() < 0) {
            Lot debt = lots.removeLast();
            long owed = -debt.remainingMinor();
            if (owed > left) {
                lots.add(new Lot(debt.gatheringId(), left - owed));
                return;
            }
            left -= owed;
        }
        if (left > 0) {
            lots.add(new Lot(gatheringId, left));
        }
    }

    /** Money out, oldest lots first; answers what it took from which gathering's earnings. */
    List<Taken> take(long amountMinor) {
        requirePositive(amountMinor);
        List<Taken> taken = new ArrayList<>();
        long left = amountMinor;
        while (left > 0 && !lots.isEmpty() && lots.getFirst().remainingMinor() > 0) {
            Lot oldest = lots.getFirst();
            long part = Math.min(left, oldest.remainingMinor());
            if (oldest.gatheringId() != null) {
                taken.add(new Taken(oldest.gatheringId(), part));
            }
            left -= part;
            if (part == oldest.remainingMinor()) {
                lots.removeFirst();
            } else {
                lots.set(0, new Lot(oldest.gatheringId(), oldest.remainingMinor() - part));
            }
        }
        if (left > 0) {
            long debt = lots.isEmpty() ? 0 : -lots.removeLast().remainingMinor();
            lots.add(new Lot(null, -(debt + left)));
        }
        return taken;
    }

    private static void requirePositive(long amountMinor) {
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("A movement of available money is positive, not " + amountMinor);
        }
    }
}
