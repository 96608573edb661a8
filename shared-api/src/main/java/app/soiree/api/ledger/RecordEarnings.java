package app.soiree.api.ledger;

import app.soiree.api.Money;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A {@link HostEarningsEvent} changed the gathering's earnings by {@code net}: positive when the host
 * is owed more (a capture), negative when less (a refund, a dispute). Counted once per {@code source},
 * the identifier of the event that posted it.
 */
public record RecordEarnings(@TargetAggregateIdentifier EarningsId earningsId, GatheringId gatheringId, UserId hostId,
                             String source, Money net) {
}
