package app.soiree.api.payout;

import app.soiree.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** FINANCE asks the provider again about a transfer whose retries ran out (same idempotency key, so never a second transfer). */
public record RetryPayoutTransfer(@TargetAggregateIdentifier PayoutId payoutId, UserId requestedBy) {
}
