package app.soiree.command.payment;

import app.soiree.api.Money;
import java.util.Currency;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a dispute withholds from the platform and the host, as the payment books it when the provider
 * reports one. The dispute context's own limits (evidence files and text) are its {@code DisputePolicy}.
 * <ul>
 *   <li>{@code fee}: the provider's dispute fee per ISO currency code, in minor units (Stripe charges one per
 *   dispute and withdraws it with the disputed amount). A currency without an entry has no fee.</li>
 *   <li>{@code hostBearsFee}: whether the host's dispute hold, and a loss, include that fee; otherwise the platform
 *   bears it.</li>
 * </ul>
 */
@ConfigurationProperties("soiree.disputes")
public record DisputeFees(@Nullable Map<String, Long> fee, @Nullable Boolean hostBearsFee) {

    public DisputeFees {
        fee = fee == null ? Map.of() : Map.copyOf(fee);
        fee.forEach((currency, minor) -> {
            Currency.getInstance(currency);
            if (minor == null || minor < 0) {
                throw new IllegalArgumentException("soiree.disputes.fee." + currency + " must not be negative");
            }
        });
        hostBearsFee = hostBearsFee != null && hostBearsFee;
    }

    public Money feeFor(Currency currency) {
        return new Money(fee.getOrDefault(currency.getCurrencyCode(), 0L), currency);
    }

    /** What the host bears of a dispute: the amount, and the fee too when so configured. */
    public Money hostShare(Money amount, Money disputeFee) {
        return hostBearsFee ? amount.plus(disputeFee) : amount;
    }
}
