package app.soiree.api.payout;

import app.soiree.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * One FINANCE approval. Refused with 403 {@code APPROVAL_NOT_ALLOWED} for the requesting host and for
 * someone who approved it already, 409 {@code PAYOUT_NOT_PENDING} once it is not waiting for approval.
 * Answers with the payout's status after it.
 */
public record ApprovePayout(@TargetAggregateIdentifier PayoutId payoutId, UserId approvedBy) {
}
