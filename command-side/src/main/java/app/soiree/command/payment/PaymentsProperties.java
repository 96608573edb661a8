package app.soiree.command.payment;

import java.time.Duration;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code provider}: {@code simulated} or {@code stripe}; unset means stripe when a Stripe secret key
 * is configured, else simulated. {@code reconcileAfter} is the first wait before asking the provider
 * about a payment whose outcome is unknown; each further attempt waits twice as long, at most
 * {@code maxReconcileAttempts} times. {@code inboxPollInterval} is how often stored provider events
 * that could not be applied at once are tried again.
 */
@ConfigurationProperties("soiree.payments")
public record PaymentsProperties(@Nullable String provider, @Nullable Duration reconcileAfter, @Nullable Integer maxReconcileAttempts,
                                 @Nullable Duration inboxPollInterval) {

    static final Set<String> PROVIDERS = Set.of("simulated", "stripe");

    public PaymentsProperties {
        if (provider != null && !provider.isBlank() && !PROVIDERS.contains(provider)) {
            throw new IllegalArgumentException("soiree.payments.provider must be one of " + PROVIDERS + ", not " + provider);
        }
        reconcileAfter = reconcileAfter == null ? Duration.ofSeconds(30) : reconcileAfter;
        maxReconcileAttempts = maxReconcileAttempts == null ? 6 : maxReconcileAttempts;
        inboxPollInterval = inboxPollInterval == null ? Duration.ofSeconds(5) : inboxPollInterval;
    }
}
