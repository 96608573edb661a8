package app.soiree.command.provider.stripe;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Stripe's settings, all from configuration (never from the repository). {@code apiBase} points the
 * SDK elsewhere (tests use a local WireMock). Every call has a read timeout: a call that exceeds it
 * is an UNKNOWN outcome, reconciled later. {@code webhookTolerance} bounds how old a signed event may be.
 */
@ConfigurationProperties("soiree.stripe")
public record StripeProperties(@Nullable String secretKey, @Nullable String webhookSecret, @Nullable String apiBase,
                               @Nullable Duration connectTimeout, @Nullable Duration readTimeout,
                               @Nullable Duration webhookTolerance) {

    public StripeProperties {
        apiBase = apiBase == null || apiBase.isBlank() ? "https://api.stripe.com" : apiBase;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(20) : readTimeout;
        webhookTolerance = webhookTolerance == null ? Duration.ofMinutes(5) : webhookTolerance;
    }
}
