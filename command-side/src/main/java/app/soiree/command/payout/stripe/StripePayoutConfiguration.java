package app.soiree.command.payout.stripe;

import app.soiree.command.provider.ProviderSelection;
import app.soiree.command.payout.PayoutProperties;
import com.stripe.StripeClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** Payouts through Stripe Connect, whenever payments go through Stripe; the Stripe client is the payments' one. */
@Configuration(proxyBeanMethods = false)
@Conditional(ProviderSelection.StripeSelected.class)
class StripePayoutConfiguration {

    @Bean
    StripePayoutProvider stripePayoutProvider(StripeClient stripe, PayoutProperties properties) {
        return new StripePayoutProvider(stripe, properties);
    }

    @Bean
    StripeConnectEvents stripeConnectEvents() {
        return new StripeConnectEvents();
    }
}
