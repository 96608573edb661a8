package app.soiree.command.dispute;

import app.soiree.api.Money;
import java.time.Duration;
import java.util.Currency;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How disputes are booked and handled.
 * <ul>
 *   <li>{@code fee}: the provider's dispute fee per ISO currency code, in minor units (Stripe charges one per
 *   dispute and withdraws it with the disputed amount). A currency without an entry has no fee.</li>
 *   <li>{@code hostBearsFee}: whether the host's dispute hold, and a loss, include that fee; otherwise the platform
 *   bears it.</li>
 *   <li>{@code maxFileSize}, {@code maxFilesPerDispute}, {@code maxEvidenceChars}: limits on evidence (Stripe
 *   accepts at most 5 MB per file and 150,000 characters of evidence text).</li>
 *   <li>{@code simulatedEvidenceWindow}: how long the simulated provider gives to answer a dispute.</li>
 * </ul>
 */
@ConfigurationProperties("soiree.disputes")
public record DisputePolicy(@Nullable Map<String, Long> fee, @Nullable Boolean hostBearsFee, @Nullable DataSize maxFileSize,
                            @Nullable Integer maxFilesPerDispute, @Nullable Integer maxEvidenceChars,
                            @Nullable Duration simulatedEvidenceWindow) {

    public DisputePolicy {
        fee = fee == null ? Map.of() : Map.copyOf(fee);
        fee.forEach((currency, minor) -> {
            Currency.getInstance(currency);
            if (minor == null || minor < 0) {
                throw new IllegalArgumentException("soiree.disputes.fee." + currency + " must not be negative");
            }
        });
        hostBearsFee = hostBearsFee != null && hostBearsFee;
        maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(5) : maxFileSize;
        maxFilesPerDispute = maxFilesPerDispute == null ? 20 : maxFilesPerDispute;
        maxEvidenceChars = maxEvidenceChars == null ? 20_000 : maxEvidenceChars;
        simulatedEvidenceWindow = simulatedEvidenceWindow == null ? Duration.ofDays(7) : simulatedEvidenceWindow;
        if (maxFileSize.toBytes() <= 0 || maxFilesPerDispute <= 0 || maxEvidenceChars <= 0 || simulatedEvidenceWindow.isNegative()) {
            throw new IllegalArgumentException("soiree.disputes: limits must be positive");
        }
    }

    public Money feeFor(Currency currency) {
        return new Money(fee.getOrDefault(currency.getCurrencyCode(), 0L), currency);
    }

    /** What the host bears of a dispute: the amount, and the fee too when so configured. */
    public Money hostShare(Money amount, Money disputeFee) {
        return hostBearsFee ? amount.plus(disputeFee) : amount;
    }
}
