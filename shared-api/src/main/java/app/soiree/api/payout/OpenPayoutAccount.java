package app.soiree.api.payout;

import app.soiree.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records the host's connected account at the provider, created just before. Answers with the account
 * the wallet keeps: the first one recorded, should two onboardings have raced.
 */
public record OpenPayoutAccount(@TargetAggregateIdentifier HostWalletId walletId, UserId hostId, String provider, String accountId,
                                boolean transfersEnabled) {
}
