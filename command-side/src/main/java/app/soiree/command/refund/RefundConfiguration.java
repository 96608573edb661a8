package app.soiree.command.refund;

import app.soiree.command.provider.ProviderSelection;
import app.soiree.command.provider.ProviderInbox;
import app.soiree.command.refund.simulated.SimulatedRefundEvents;
import app.soiree.command.refund.simulated.SimulatedRefundProvider;
import app.soiree.command.refund.stripe.StripeRefundEvents;
import app.soiree.command.refund.stripe.StripeRefundProvider;
import com.stripe.StripeClient;
import java.time.Clock;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The refund provider of the selected payment provider, with its webhook translator; and the error
 * handling of the refund processes: a step that fails (a concurrent change, a database hiccup, the
 * provider's answer that cannot be recorded yet) is retried with backoff, never skipped, since skipping
 * would lose a refund someone is owed.
 */
@Configuration(proxyBeanMethods = false)
class RefundConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RefundConfiguration.class);

    @Autowired
    void retryFailedRefundSteps(EventProcessingConfigurer processing) {
        for (String group : new String[] {RefundSaga.PROCESSING_GROUP, GatheringCancellationSaga.PROCESSING_GROUP,
                CancellationRefunds.PROCESSING_GROUP}) {
            processing.registerListenerInvocationErrorHandler(group, configuration -> PropagatingErrorHandler.instance());
        }
    }

    @Bean
    @Conditional(ProviderSelection.StripeSelected.class)
    StripeRefundProvider stripeRefundProvider(StripeClient stripe) {
        return new StripeRefundProvider(stripe);
    }

    @Bean
    @Conditional(ProviderSelection.StripeSelected.class)
    StripeRefundEvents stripeRefundEvents(StripeClient stripe) {
        return new StripeRefundEvents(stripe);
    }

    @Bean
    @Conditional(ProviderSelection.SimulatedSelected.class)
    SimulatedRefundProvider simulatedRefundProvider(JdbcTemplate jdbc, Clock clock, ProviderInbox inbox, RefundsProperties properties) {
        log.warn("Refunds use the SIMULATED provider: no money moves. Refunds {} ({}); outcomes can be set with "
                + "POST /api/dev/refunds/{refundId}/outcome.", properties.simulatedOutcome() == RefundsProperties.SimulatedOutcome.succeeded
                ? "succeed at once" : "stay pending until decided", "soiree.refunds.simulated-outcome");
        return new SimulatedRefundProvider(jdbc, clock, inbox, properties);
    }

    @Bean
    @Conditional(ProviderSelection.SimulatedSelected.class)
    SimulatedRefundEvents simulatedRefundEvents() {
        return new SimulatedRefundEvents();
    }
}
