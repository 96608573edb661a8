package app.soiree.command.dispute;

import app.soiree.command.provider.ProviderSelection;
import app.soiree.command.payment.PaymentReferences;
import app.soiree.command.provider.ProviderInbox;
import app.soiree.command.dispute.simulated.SimulatedDisputeEvents;
import app.soiree.command.dispute.simulated.SimulatedDisputes;
import app.soiree.command.dispute.stripe.StripeDisputeEvents;
import app.soiree.command.dispute.stripe.StripeDisputeProvider;
import app.soiree.command.provider.stripe.StripeProperties;
import com.stripe.StripeClient;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The dispute adapters of the selected payment provider: its events about disputes, and support's actions at it. */
@Configuration(proxyBeanMethods = false)
class DisputeProviders {

    @Bean
    @Conditional(ProviderSelection.StripeSelected.class)
    StripeDisputeEvents stripeDisputeEvents(PaymentReferences references, StripeClient stripe) {
        return new StripeDisputeEvents(references, stripe);
    }

    @Bean
    @Conditional(ProviderSelection.StripeSelected.class)
    StripeDisputeProvider stripeDisputeProvider(StripeClient stripe, StripeProperties properties, EvidenceFiles files) {
        return new StripeDisputeProvider(stripe, properties, files);
    }

    @Bean
    @Conditional(ProviderSelection.SimulatedSelected.class)
    SimulatedDisputes simulatedDisputes(JdbcTemplate jdbc, ProviderInbox inbox, DisputePolicy policy, Clock clock) {
        return new SimulatedDisputes(jdbc, inbox, policy, clock);
    }

    @Bean
    @Conditional(ProviderSelection.SimulatedSelected.class)
    SimulatedDisputeEvents simulatedDisputeEvents() {
        return new SimulatedDisputeEvents();
    }
}
