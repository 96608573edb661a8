package app.soiree.command.payment;

import app.soiree.api.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The platform's fee on a payment: {@code percent} of the gross, rounded half up to a minor unit,
 * plus {@code fixed} minor units, never more than the gross. {@code currencies} overrides both per
 * ISO currency code (a fixed 30 is 30 cents in EUR but 30 yen in JPY).
 */
@ConfigurationProperties("soiree.fees")
public record FeePolicy(@Nullable BigDecimal percent, @Nullable Long fixed, @Nullable Map<String, Rate> currencies) {

    public FeePolicy {
        percent = percent == null ? new BigDecimal("5") : percent;
        fixed = fixed == null ? 30L : fixed;
        currencies = currencies == null ? Map.of() : Map.copyOf(currencies);
        new Rate(percent, fixed);
        currencies.values().forEach(rate -> new Rate(rate.percent(), rate.fixed()));
    }

    public record Rate(BigDecimal percent, long fixed) {
        public Rate {
            if (percent == null || percent.signum() < 0 || percent.compareTo(new BigDecimal("100")) > 0 || fixed < 0) {
                throw new IllegalArgumentException("soiree.fees: percent must be within 0..100 and fixed must not be negative");
            }
        }
    }

    public Money feeFor(Money gross) {
        Rate rate = currencies.getOrDefault(gross.currency().getCurrencyCode(), new Rate(percent, fixed));
        long proportional = BigDecimal.valueOf(gross.amountMinor()).multiply(rate.percent())
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact();
        long fee = Math.min(gross.amountMinor(), Math.addExact(proportional, rate.fixed()));
        return new Money(fee, gross.currency());
    }
}
