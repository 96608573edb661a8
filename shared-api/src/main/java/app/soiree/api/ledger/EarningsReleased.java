package app.soiree.api.ledger;

import app.soiree.api.Money;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import java.time.Instant;
import java.util.List;

/** A gathering ended long enough ago: its host's net earnings move from pending to available. */
public record EarningsReleased(GatheringId gatheringId, UserId hostId, Money amount, List<Posting> postings, Instant releasedAt)
        implements LedgerEvent {

    @Override
    public String reference() {
        return "gathering:" + gatheringId;
    }
}
