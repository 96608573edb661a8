package app.soiree.command.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.soiree.api.Money;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayoutPropertiesTest {

    @Test
    void theDefaultsApproveUpTo100EurosByThemselvesAndNeedTwoApproversAbove1000() {
        PayoutProperties defaults = new PayoutProperties(null, null, null, null, null, null, null, null);

        assertThat(defaults.approvalsRequiredFor(Money.of(10_000, "EUR"))).isZero();
        assertThat(defaults.approvalsRequiredFor(Money.of(10_001, "EUR"))).isEqualTo(1);
        assertThat(defaults.approvalsRequiredFor(Money.of(100_000, "EUR"))).isEqualTo(1);
        assertThat(defaults.approvalsRequiredFor(Money.of(100_001, "EUR"))).isEqualTo(2);
        assertThat(defaults.maxTransferAttempts()).isEqualTo(6);
        assertThat(defaults.abandonUnopenedAfter()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void unopenedFundsAreNotAbandonedWhileTheirRequestMayStillBeRunning() {
        assertThatThrownBy(() -> new PayoutProperties(null, null, null, null, null, null, null, Duration.ofSeconds(30)))
                .hasMessageContaining("abandon-unopened-after");
    }

    @Test
    void aCurrencyMayHaveThresholdsOfItsOwn() {
        PayoutProperties properties = new PayoutProperties(10_000L, 100_000L,
                Map.of("JPY", new PayoutProperties.Thresholds(15_000, 150_000)), null, null, null, null, null);

        assertThat(properties.approvalsRequiredFor(Money.of(15_000, "JPY"))).isZero();
        assertThat(properties.approvalsRequiredFor(Money.of(150_001, "JPY"))).isEqualTo(2);
        assertThat(properties.approvalsRequiredFor(Money.of(15_000, "EUR"))).isEqualTo(1);
    }

    @Test
    void retriesWaitTwiceAsLongEachTime() {
        PayoutProperties properties = new PayoutProperties(null, null, null, null, null, Duration.ofSeconds(30), 6, null);

        assertThat(properties.retryDelayAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.retryDelayAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(properties.retryDelayAfter(3)).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void refusesThresholdsOutOfOrder() {
        assertThatThrownBy(() -> new PayoutProperties(5000L, 1000L, null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PayoutProperties(-1L, 1000L, null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
