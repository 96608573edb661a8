package app.soiree.command.ledger;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code releaseAfter}: how long after a gathering ends its earnings stay pending (time for guests to
 * complain and disputes to open) before they become available for payout.
 */
@ConfigurationProperties("soiree.wallet")
public record WalletPolicy(@Nullable Duration releaseAfter) {

    public WalletPolicy {
        releaseAfter = releaseAfter == null ? Duration.ofHours(48) : releaseAfter;
        if (releaseAfter.isNegative() || releaseAfter.compareTo(Duration.ofDays(90)) > 0) {
            throw new IllegalArgumentException("soiree.wallet.release-after must be between 0 and 90 days");
        }
    }
}
