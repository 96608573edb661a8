package app.soiree.server.support;

import app.soiree.server.support.stripe.StripeProvider;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Base of the money-flow tests that run against a payment provider: the platform over HTTP, its event store and
 * database, and the {@link ProviderDriver} for the provider the application context pays with
 * ({@code soiree.payments.provider}): {@link IntegrationTest} the simulator, {@link StripeIntegrationTest} Stripe.
 */
public abstract class ProviderTest {

    @LocalServerPort
    protected int port;
    @Autowired
    protected EventStore events;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    private Environment environment;

    protected Api api;
    protected ProviderDriver provider;

    /** Connects a client to the platform and readies the driver of the context's provider. */
    protected void connect() {
        api = new Api(port);
        provider = "stripe".equals(environment.getProperty("soiree.payments.provider")) ? new StripeProvider(api, jdbc)
                : new SimulatedProvider(api);
        provider.beforeEach();
    }

    /** The Stripe driver, for the tests of what only Stripe has. */
    protected StripeProvider stripe() {
        return (StripeProvider) provider;
    }
}
