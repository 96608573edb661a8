package app.soiree.command.provider.stripe;

import app.soiree.command.provider.ProviderSelection;
import com.stripe.StripeClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** The one Stripe client every Stripe adapter (payments, refunds, disputes, payouts) shares. */
@Configuration(proxyBeanMethods = false)
@Conditional(ProviderSelection.StripeSelected.class)
class StripeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StripeConfiguration.class);

    /** The SDK does not retry on its own: each caller decides what an unanswered call means, and repeats a create only under the same idempotency key. */
    @Bean
    StripeClient stripeClient(StripeProperties properties) {
        if (properties.secretKey() == null || properties.secretKey().isBlank()) {
            throw new IllegalStateException("soiree.payments.provider is stripe but soiree.stripe.secret-key is not set");
        }
        log.info("Payments go through Stripe at {}", properties.apiBase());
        return StripeClient.builder()
                .setApiKey(properties.secretKey())
                .setApiBase(properties.apiBase())
                .setConnectTimeout(Math.toIntExact(properties.connectTimeout().toMillis()))
                .setReadTimeout(Math.toIntExact(properties.readTimeout().toMillis()))
                .setMaxNetworkRetries(0)
                .build();
    }
}
