package app.soiree.command.payment;

import app.soiree.command.payment.simulated.SimulatedPaymentEvents;
import app.soiree.command.payment.simulated.SimulatedPaymentProvider;
import app.soiree.command.payment.stripe.StripePaymentIntentEvents;
import app.soiree.command.payment.stripe.StripePaymentProvider;
import app.soiree.command.provider.ProviderSelection;
import com.stripe.StripeClient;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The payment provider adapter of the provider {@link ProviderSelection} chose, and its event translator. */
@Configuration(proxyBeanMethods = false)
class PaymentProviders {

    private static final Logger log = LoggerFactory.getLogger(PaymentProviders.class);

    @Bean
    @Conditional(ProviderSelection.StripeSelected.class)
    StripePaymentProvider stripePaymentProvider(StripeClient stripe) {
        return new StripePaymentProvider(stripe);
    }

    @Bean
    @Conditional(ProviderSelection.StripeSelected.class)
    StripePaymentIntentEvents stripePaymentIntentEvents(StripePaymentProvider stripe) {
        return new StripePaymentIntentEvents(stripe);
    }

    @Bean
    @Conditional(ProviderSelection.SimulatedSelected.class)
    SimulatedPaymentProvider simulatedPaymentProvider(JdbcTemplate jdbc, Clock clock) {
        log.warn("Payments use the SIMULATED provider: no money moves. Outcomes are set with "
                + "POST /api/dev/payments/{paymentId}/outcome. Configure soiree.stripe.secret-key for real payments.");
        return new SimulatedPaymentProvider(jdbc, clock);
    }

    @Bean
    @Conditional(ProviderSelection.SimulatedSelected.class)
    SimulatedPaymentEvents simulatedPaymentEvents() {
        return new SimulatedPaymentEvents();
    }
}
