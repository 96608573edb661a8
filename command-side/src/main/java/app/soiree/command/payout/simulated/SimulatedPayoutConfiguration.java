package app.soiree.command.payout.simulated;

import app.soiree.command.provider.ProviderSelection;
import app.soiree.command.payout.PayoutProperties;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Payouts through the simulator, whenever payments go through it. */
@Configuration(proxyBeanMethods = false)
@Conditional(ProviderSelection.SimulatedSelected.class)
class SimulatedPayoutConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SimulatedPayoutConfiguration.class);

    @Bean
    SimulatedPayoutProvider simulatedPayoutProvider(JdbcTemplate jdbc, Clock clock, PayoutProperties properties) {
        log.warn("Payouts use the SIMULATED provider: no money moves, payout accounts are enabled at once and transfers succeed. "
                + "DEVELOPMENT ONLY: POST /api/dev/payout-account/transfer-outcome and /api/dev/payouts/{payoutId}/outcome change that.");
        return new SimulatedPayoutProvider(jdbc, clock, properties.onboardingReturnUrl());
    }

    @Bean
    SimulatedTransferEvents simulatedTransferEvents() {
        return new SimulatedTransferEvents();
    }
}
