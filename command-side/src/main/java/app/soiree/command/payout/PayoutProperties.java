package app.soiree.command.payout;

import app.soiree.api.Money;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Payout settings. Approval, in minor units of the payout's currency: up to {@code autoApproveUpTo}
 * a payout is approved by itself, above it one FINANCE approval is needed, above
 * {@code secondApprovalAbove} two different FINANCE approvers; {@code currencies} overrides both per
 * ISO code (100.00 EUR is 10000, 10000 JPY is 10000). Onboarding sends the host to the provider, which
 * sends them back to {@code onboardingReturnUrl}, or to {@code onboardingRefreshUrl} when the link
 * expired. A transfer the provider did not answer is asked again after {@code transferRetryAfter},
 * twice as long each time, at most {@code maxTransferAttempts} times, then left to staff. Funds reserved
 * by a request that stopped before opening its payout go back after {@code abandonUnopenedAfter}, unless
 * the client's retry (same Idempotency-Key) opened it first. (How often a
 * host's wallet is snapshotted is the ledger's {@code WalletConfiguration}.)
 */
@ConfigurationProperties("soiree.payouts")
public record PayoutProperties(@Nullable Long autoApproveUpTo, @Nullable Long secondApprovalAbove,
                               @Nullable Map<String, Thresholds> currencies, @Nullable String onboardingReturnUrl,
                               @Nullable String onboardingRefreshUrl, @Nullable Duration transferRetryAfter,
                               @Nullable Integer maxTransferAttempts, @Nullable Duration abandonUnopenedAfter) {

    public PayoutProperties {
        autoApproveUpTo = autoApproveUpTo == null ? 10_000L : autoApproveUpTo;
        secondApprovalAbove = secondApprovalAbove == null ? 100_000L : secondApprovalAbove;
        currencies = currencies == null ? Map.of() : Map.copyOf(currencies);
        onboardingReturnUrl = onboardingReturnUrl == null || onboardingReturnUrl.isBlank()
                ? "http://localhost:8080/payout-account/return" : onboardingReturnUrl;
        onboardingRefreshUrl = onboardingRefreshUrl == null || onboardingRefreshUrl.isBlank()
                ? "http://localhost:8080/payout-account/refresh" : onboardingRefreshUrl;
        transferRetryAfter = transferRetryAfter == null ? Duration.ofSeconds(30) : transferRetryAfter;
        maxTransferAttempts = maxTransferAttempts == null ? 6 : maxTransferAttempts;
        abandonUnopenedAfter = abandonUnopenedAfter == null ? Duration.ofMinutes(15) : abandonUnopenedAfter;
        new Thresholds(autoApproveUpTo, secondApprovalAbove);
        if (transferRetryAfter.isNegative() || transferRetryAfter.isZero() || maxTransferAttempts < 1 || maxTransferAttempts > 20) {
            throw new IllegalArgumentException("soiree.payouts: transfer-retry-after must be positive and max-transfer-attempts within 1..20");
        }
        if (abandonUnopenedAfter.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("soiree.payouts: abandon-unopened-after must be at least a minute, well beyond a request");
        }
    }

    public record Thresholds(long autoApproveUpTo, long secondApprovalAbove) {
        public Thresholds {
            if (autoApproveUpTo < 0 || secondApprovalAbove < autoApproveUpTo) {
                throw new IllegalArgumentException(
                        "soiree.payouts: auto-approve-up-to must not be negative, and second-approval-above must not be below it");
            }
        }
    }

    /** How many different FINANCE approvers a payout of this amount needs: 0, 1 or 2. */
    public int approvalsRequiredFor(Money amount) {
        Thresholds thresholds = currencies.getOrDefault(amount.currency().getCurrencyCode(),
                new Thresholds(autoApproveUpTo, secondApprovalAbove));
        if (amount.amountMinor() <= thresholds.autoApproveUpTo()) {
            return 0;
        }
        return amount.amountMinor() <= thresholds.secondApprovalAbove() ? 1 : 2;
    }

    /** The wait before the transfer's next attempt, after {@code attemptsSoFar} unanswered ones. */
    public Duration retryDelayAfter(int attemptsSoFar) {
        return transferRetryAfter.multipliedBy(1L << Math.min(Math.max(attemptsSoFar - 1, 0), 16));
    }
}
