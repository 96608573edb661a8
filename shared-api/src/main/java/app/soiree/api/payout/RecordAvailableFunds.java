package app.soiree.api.payout;

import app.soiree.api.Money;
import app.soiree.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Another event posted {@code change} (signed: positive when the host is owed more) to the host's
 * available account; the wallet counts it once per {@code source} (the event's identifier and currency).
 */
public record RecordAvailableFunds(@TargetAggregateIdentifier HostWalletId walletId, UserId hostId, String source, String sourceType,
                                   Money change) {
}
