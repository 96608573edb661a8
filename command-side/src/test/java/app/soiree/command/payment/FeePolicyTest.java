package app.soiree.command.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.soiree.api.Money;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeePolicyTest {

    private final FeePolicy fees = new FeePolicy(new BigDecimal("2.9"), 30L, Map.of("JPY", new FeePolicy.Rate(new BigDecimal("3.6"), 0)));

    @Test
    void takesThePercentRoundedHalfUpPlusTheFixedPart() {
        // 2.9 % of 2500 is 72.5, rounded half up to 73
        assertThat(fees.feeFor(Money.of(2500, "EUR"))).isEqualTo(Money.of(103, "EUR"));
        // 2.9 % of 1000 is 29 exactly
        assertThat(fees.feeFor(Money.of(1000, "EUR"))).isEqualTo(Money.of(59, "EUR"));
    }

    @Test
    void neverTakesMoreThanTheGross() {
        assertThat(fees.feeFor(Money.of(20, "EUR"))).isEqualTo(Money.of(20, "EUR"));
    }

    @Test
    void aCurrencyMayHaveItsOwnRate() {
        assertThat(fees.feeFor(Money.of(5000, "JPY"))).isEqualTo(Money.of(180, "JPY"));
    }

    @Test
    void defaultsToFivePercentAndThirtyMinorUnits() {
        assertThat(new FeePolicy(null, null, null).feeFor(Money.of(2500, "EUR"))).isEqualTo(Money.of(155, "EUR"));
    }

    @Test
    void refusesNegativeOrImpossibleRates() {
        assertThatThrownBy(() -> new FeePolicy(new BigDecimal("-1"), 0L, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FeePolicy(new BigDecimal("101"), 0L, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FeePolicy(null, -1L, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
