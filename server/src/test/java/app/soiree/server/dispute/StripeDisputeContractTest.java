package app.soiree.server.dispute;

import app.soiree.server.support.Api;
import app.soiree.server.support.StripeIntegrationTest;
import app.soiree.server.support.ProviderDriver;
import app.soiree.server.support.stripe.StripeProvider;

/** The dispute contract with Stripe: signed charge.dispute webhooks, and support's concession sent with the real SDK to the stand-in. */
@StripeIntegrationTest
class StripeDisputeContractTest extends DisputeContract {

    @Override
    ProviderDriver provider(Api api) {
        return new StripeProvider(api, jdbc);
    }
}
