package app.soiree.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void refusesToMixCurrencies() {
        assertThatThrownBy(() -> Money.of(100, "EUR").plus(Money.of(100, "USD")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EUR")
                .hasMessageContaining("USD");
    }

    @Test
    void refusesToOverflowInsteadOfWrappingAround() {
        assertThatThrownBy(() -> Money.of(Long.MAX_VALUE, "EUR").plus(Money.of(1, "EUR")))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void comparesWithinOneCurrency() {
        assertThat(Money.of(101, "EUR").isGreaterThan(Money.of(100, "EUR"))).isTrue();
        assertThat(Money.of(100, "EUR").isGreaterThan(Money.of(100, "EUR"))).isFalse();
    }

    @Property
    void subtractingWhatWasAddedGivesTheOriginalAmount(
            @ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long a,
            @ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long b) {
        Money first = Money.of(a, "EUR");
        Money second = Money.of(b, "EUR");

        assertThat(first.plus(second).minus(second)).isEqualTo(first);
        assertThat(first.plus(second.negated())).isEqualTo(first.minus(second));
    }
}
