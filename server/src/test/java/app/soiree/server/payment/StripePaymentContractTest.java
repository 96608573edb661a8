package app.soiree.server.payment;

import app.soiree.server.support.Api;
import app.soiree.server.support.ProviderDriver;
import app.soiree.server.support.StripeIntegrationTest;
import app.soiree.server.support.stripe.StripeProvider;

/** The payment contract with Stripe: the real SDK against the stand-in, and signed webhooks. */
@StripeIntegrationTest
class StripePaymentContractTest extends PaymentContract {

    @Override
    ProviderDriver provider(Api api) {
        return new StripeProvider(api, jdbc);
    }
}
