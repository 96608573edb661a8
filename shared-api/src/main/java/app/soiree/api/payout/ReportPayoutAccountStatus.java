package app.soiree.api.payout;

import app.soiree.api.identity.UserId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/**
 * The provider says whether transfers to the host's connected account are possible, as of
 * {@code observedAt} (the provider's time of the report): a report older than one already applied
 * changes nothing, so reports may arrive in any order. {@code provider} is needed only when the report
 * arrives before the account was recorded.
 */
public record ReportPayoutAccountStatus(@TargetAggregateIdentifier HostWalletId walletId, UserId hostId, String provider,
                                        String accountId, boolean transfersEnabled, Instant observedAt, @Nullable String sourceEventId) {
}
