package app.soiree.api.ledger;

import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The gathering ended: its earnings become available at {@code releaseAt}. Asking again changes nothing. */
public record ScheduleEarningsRelease(@TargetAggregateIdentifier EarningsId earningsId, GatheringId gatheringId, UserId hostId,
                                      Instant releaseAt) {
}
