package app.soiree.api.ledger;

import app.soiree.api.Money;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import app.soiree.api.payment.PaymentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A payment for the gathering was captured: its host's net is counted once per payment. */
public record RecordEarnings(@TargetAggregateIdentifier EarningsId earningsId, GatheringId gatheringId, UserId hostId,
                             PaymentId paymentId, Money net) {
}
