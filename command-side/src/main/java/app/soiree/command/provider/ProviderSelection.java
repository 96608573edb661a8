package app.soiree.command.provider;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Chooses the provider once, at start-up: {@code soiree.payments.provider} if set, else Stripe when a
 * Stripe secret key is configured, else the simulator. Beans that exist for one provider only (its
 * adapters, its webhook or its development endpoint) carry the matching condition.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class ProviderSelection {

    /** The executor that applies provider events off the webhook's request thread. */
    public static final String EVENT_EXECUTOR = "providerEventExecutor";

    static ProviderName selected(Environment environment) {
        String configured = environment.getProperty("soiree.payments.provider", "");
        if (!configured.isBlank()) {
            return ProviderName.ofCode(configured);
        }
        return environment.getProperty("soiree.stripe.secret-key", "").isBlank() ? ProviderName.SIMULATED : ProviderName.STRIPE;
    }

    public static final class StripeSelected implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return selected(context.getEnvironment()) == ProviderName.STRIPE;
        }
    }

    public static final class SimulatedSelected implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return selected(context.getEnvironment()) == ProviderName.SIMULATED;
        }
    }

    /** The provider of this deployment, for what needs to know it by name (the inbox files events under it). */
    @Bean
    ProviderName activeProvider(Environment environment) {
        return selected(environment);
    }

    /**
     * Applies provider events off the webhook's request thread; bounded, and what does not fit waits for the inbox poll.
     * Applying one is latency-bound (a transaction that locks the stored event, runs its command and marks it) and events
     * of different payments do not contend, so there are as many threads as can wait on commits at once without
     * taking the request threads' connections ({@code soiree.provider-events.threads}; 2 kept captures near 70/s).
     */
    @Bean(EVENT_EXECUTOR)
    ThreadPoolTaskExecutor providerEventExecutor(@Value("${soiree.provider-events.threads:8}") int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("soiree.provider-events.threads must be positive");
        }
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setQueueCapacity(500);
        executor.setThreadNamePrefix("provider-events-");
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        return executor;
    }
}
