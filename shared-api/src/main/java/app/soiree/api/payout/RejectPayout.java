package app.soiree.api.payout;

import app.soiree.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Refuses a payout waiting for approval; needs a reason, and the requesting host can never do it. The funds return. */
public record RejectPayout(@TargetAggregateIdentifier PayoutId payoutId, UserId rejectedBy, String reason) {
}
