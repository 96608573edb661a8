package app.soiree.api.ledger;

import app.soiree.api.Money;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import java.time.Instant;
import java.util.List;

/**
 * Earnings changed after the gathering's release, so the change moves straight on between
 * {@code host:{id}:pending} and {@code host:{id}:available}: a late capture or a won dispute adds to
 * available; a refund or a lost dispute takes from it, which may leave the host owing until later
 * earnings settle it. {@code amount} is signed like {@link RecordEarnings#net()}.
 */
public record EarningsSettled(EarningsId earningsId, GatheringId gatheringId, UserId hostId, String source, Money amount,
                              List<Posting> postings, Instant settledAt) implements LedgerEvent {

    @Override
    public String reference() {
        return "gathering:" + gatheringId;
    }
}
