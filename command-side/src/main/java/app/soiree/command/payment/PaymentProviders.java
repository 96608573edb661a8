package app.soiree.command.payment;

import app.soiree.command.payment.simulated.SimulatedPaymentEvents;
import app.soiree.command.payment.simulated.SimulatedPaymentProvider;
import app.soiree.command.payment.stripe.StripePaymentIntentEvents;
import app.soiree.command.payment.stripe.StripePaymentProvider;
import app.soiree.command.payment.stripe.StripeProperties;
import com.stripe.StripeClient;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Chooses the payment provider once, at start-up: {@code soiree.payments.provider} if set, else
 * Stripe when a Stripe secret key is configured, else the simulator. Beans that exist for one
 * provider only (its webhook or its development endpoint) carry the matching condition.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class PaymentProviders {

    private static final Logger log = LoggerFactory.getLogger(PaymentProviders.class);
    static final String EVENT_EXECUTOR = "providerEventExecutor";

    static String selected(Environment environment) {
        String configured = environment.getProperty("soiree.payments.provider", "");
        if (!configured.isBlank()) {
            return configured;
        }
        return environment.getProperty("soiree.stripe.secret-key", "").isBlank() ? "simulated" : "stripe";
    }

    public static final class StripeSelected implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return "stripe".equals(selected(context.getEnvironment()));
        }
    }

    public static final class SimulatedSelected implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return "simulated".equals(selected(context.getEnvironment()));
        }
    }

    /** Applies provider events off the webhook's request thread; bounded, and what does not fit waits for the inbox poll. */
    @Bean(EVENT_EXECUTOR)
    ThreadPoolTaskExecutor providerEventExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(4);
        executor.setQueueCapacity(500);
        executor.setThreadNamePrefix("provider-events-");
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        return executor;
    }

    @Bean
    @Conditional(StripeSelected.class)
    StripeClient stripeClient(StripeProperties properties) {
        log.info("Payments go through Stripe at {}", properties.apiBase());
        return StripePaymentProvider.client(properties);
    }

    @Bean
    @Conditional(StripeSelected.class)
    StripePaymentProvider stripePaymentProvider(StripeClient stripe) {
        return new StripePaymentProvider(stripe);
    }

    @Bean
    @Conditional(StripeSelected.class)
    StripePaymentIntentEvents stripePaymentIntentEvents(StripePaymentProvider stripe) {
        return new StripePaymentIntentEvents(stripe);
    }

    @Bean
    @Conditional(SimulatedSelected.class)
    SimulatedPaymentProvider simulatedPaymentProvider(JdbcTemplate jdbc, Clock clock) {
        log.warn("Payments use the SIMULATED provider: no money moves. Outcomes are set with "
                + "POST /api/dev/payments/{paymentId}/outcome. Configure soiree.stripe.secret-key for real payments.");
        return new SimulatedPaymentProvider(jdbc, clock);
    }

    @Bean
    @Conditional(SimulatedSelected.class)
    SimulatedPaymentEvents simulatedPaymentEvents() {
        return new SimulatedPaymentEvents();
    }
}
